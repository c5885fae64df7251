// The build failed on the refusals, and every one is in the log twice: as an [ERROR] line of
// its own and in the failure message, as File.java:line: Class.method: reason.
def log = new File(basedir, 'build.log').text

def refusals = [
    'Refusals.java:15: bad.Refusals.notAsync: ',
    'Refusals.java:21: bad.Refusals.locked: ',
    ': bad.Refusals.notTask: ',
    'Refusals.java:32: bad.Refusals.',
]
refusals.each { refusal ->
    assert log.readLines().any { it.startsWith('[ERROR] ') && it.contains(refusal) } : "no [ERROR] line with: ${refusal}"
    assert log.count(refusal) >= 2 : "the failure message lacks: ${refusal}"
}
assert log.contains('jasyncio refused 4 methods:') : 'no failure message'
assert log.contains('BUILD FAILURE')
return true
