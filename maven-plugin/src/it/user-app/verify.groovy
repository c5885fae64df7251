// The plugin rewrote the application (3 methods) and the test helper (1 method), a second pass
// found nothing to do, and the tests passed in both the plugin and the agent module; the
// executable jar printed the application's results.
def log = new File(basedir, 'build.log').text

def expect = { String line ->
    assert log.contains(line) : "build.log lacks: ${line}"
}

expect('[INFO] jasyncio: rewrote 3 methods in app.Greeter')
expect('[INFO] jasyncio: rewrote 3 methods in 1 classes')
expect('[INFO] jasyncio: rewrote 1 methods in app.GreeterTest')
expect('[INFO] jasyncio: rewrote 1 methods in 1 classes')
expect('[INFO] jasyncio: rewrote 0 methods in 0 classes')

// Each module that runs the tests reports the same four passing tests twice (class, summary).
assert log.count('Tests run: 4, Failures: 0, Errors: 0, Skipped: 0') == 4 : 'the tests did not pass in both modules'

// -javaagent with verbose logs each class it rewrote as it loaded (java.util.logging's format).
expect('INFO: jasyncio: rewrote 3 methods in app.Greeter')
expect('INFO: jasyncio: rewrote 1 methods in app.GreeterTest')

expect('main: hello world')
expect('main: sum=55')
expect('main: hello first, hello second')
return true
