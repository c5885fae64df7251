// Every probe was rewritten, whatever --release compiled it, and the test ran each of them.
def log = new File(basedir, 'build.log').text
def releases = [8, 11, 17]
if (new File(jdk25Home, 'bin/javac').exists()) {
    releases += [21, 25]
}
releases.each { release ->
    assert log.contains("[INFO] jasyncio: rewrote 1 methods in r${release}.Probe") : "r${release}.Probe was not rewritten"
}
assert log.contains("[INFO] jasyncio: rewrote ${releases.size()} methods in ${releases.size()} classes")
assert log.contains("releases checked: ${releases}")
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
return true
