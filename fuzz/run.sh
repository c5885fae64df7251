#!/bin/sh
# Runs the differential fuzzer: fuzz/run.sh [--seed S] [--programs N] [--first F] [--batch B] [--threads T] [--regressions DIR] [--known DIR]
# Prints how many programs reached each feature and showed each known divergence, then
# "N programs, D divergences, V verify errors, S slow" last; failing programs are shrunk and written to
# fuzz/src/test/resources/regressions/ (replayed by RegressionsTest), the first example of a known
# divergence that has none yet to fuzz/src/test/resources/known-divergences/ (KnownDivergencesTest).
set -e
cd "$(dirname "$0")/.."
flock /tmp/jasyncio-mvn.lock mvn -o -B -q -pl runtime,test-support,compiler,agent,fuzz -Dmaven.test.skip=true package dependency:build-classpath \
    -Dmdep.outputFile=target/fuzz-classpath.txt -Dmdep.includeScope=runtime >&2
# Inside one reactor build, the classpath names the modules' jars under target/. A build in the
# same tree may rewrite them while the campaign runs (its javac would then fail to find the
# runtime's classes), so the campaign runs on copies.
lib=fuzz/target/campaign-lib
rm -rf "$lib"
mkdir -p "$lib"
cp -r fuzz/target/classes "$lib/classes"
classpath="$lib/classes"
for entry in $(tr ':' ' ' < fuzz/target/fuzz-classpath.txt); do
    case "$entry" in
        "$PWD"/*) cp "$entry" "$lib/" && classpath="$classpath:$lib/$(basename "$entry")" ;;
        *) classpath="$classpath:$entry" ;;
    esac
done
exec java -cp "$classpath" org.jasyncio.fuzz.Campaign "$@"
