#!/bin/sh
# Runs the differential fuzzer: fuzz/run.sh [--seed S] [--programs N] [--batch B] [--regressions DIR]
# Prints "N programs, D divergences, V verify errors" last; failing programs are shrunk and
# written to fuzz/src/test/resources/regressions/ (replayed by RegressionsTest).
set -e
cd "$(dirname "$0")/.."
mvn -B -q -pl runtime,test-support,compiler,agent,fuzz -Dmaven.test.skip=true package dependency:build-classpath \
    -Dmdep.outputFile=target/fuzz-classpath.txt -Dmdep.includeScope=runtime >&2
# Inside one reactor build, the classpath names the modules' jars under target/.
exec java -cp "fuzz/target/classes:$(cat fuzz/target/fuzz-classpath.txt)" org.jasyncio.fuzz.Campaign "$@"
