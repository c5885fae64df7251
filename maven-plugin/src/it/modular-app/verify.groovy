// The plugin rewrote the modular application, and it ran as the named module app.modular with the
// runtime as the named module org.jasyncio.
def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] jasyncio: rewrote 2 methods in 1 classes') : 'the plugin did not rewrite the two @Async methods'
assert log.contains('module app.modular: 42') : 'the modular application did not run rewritten on the module path'
return true
