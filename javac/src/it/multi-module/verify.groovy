// Both modules were rewritten by javac alone, and app's test awaited lib's method through app's.
def log = new File(basedir, 'build.log').text
assert !log.contains('jasyncio-maven-plugin')
assert !log.contains('jasyncio: ') : 'a jasyncio diagnostic: every class was found in javac\'s model'
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
['lib/target/classes/lib/Store.class', 'app/target/classes/app/Shop.class'].each { path ->
    def bytes = new File(basedir, path).getText('ISO-8859-1')
    assert bytes.contains('Lorg/jasyncio/internal/Rewritten;') : "${path} was not rewritten"
}
return true
