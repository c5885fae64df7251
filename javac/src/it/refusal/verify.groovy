// The compiler plugin failed on the refusal, reported as javac reports errors: file, line and column.
def log = new File(basedir, 'build.log').text
assert log.readLines().any {
    it.startsWith('[ERROR] ') && it.contains('Bad.java:[11,') &&
            it.contains('jasyncio: bad.Bad.notAsync: await in a method that is not @Async')
} : 'no javac error at Bad.java:11'
assert log.contains('COMPILATION ERROR')
assert !new File(basedir, 'target/classes/bad/Bad.class').exists() : 'the refused class left a class file'
return true
