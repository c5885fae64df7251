// javac alone rewrote the classes (no jasyncio plugin ran) and the test awaited through them.
def log = new File(basedir, 'build.log').text
assert !log.contains('jasyncio-maven-plugin')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
['target/classes/app/Greeter.class', 'target/test-classes/app/GreeterTest.class'].each { path ->
    def bytes = new File(basedir, path).getText('ISO-8859-1')
    assert bytes.contains('Lorg/jasyncio/internal/Rewritten;') : "${path} was not rewritten"
}
return true
