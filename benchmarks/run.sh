#!/usr/bin/env bash
# Builds the benchmarks jar and runs the JMH benchmarks (with -prof gc, for B/op), then the
# suspended-task footprint harness. About 7 minutes on 2 cores for everything.
#
# Usage: benchmarks/run.sh [REGEX [JMH options...]]
#   REGEX        selects benchmarks as JMH does (default: all), e.g. 'Loop', 'RoundTrip.*eaAsync';
#                the footprint harness runs when REGEX matches 'memory.SuspendedTaskFootprint'
#   JMH options  are appended and override the defaults below, e.g. -prof stack -i 10
# Results: benchmarks/target/jmh-results.json (JMH) and the console.
set -euo pipefail
cd "$(dirname "$0")/.."

filter="${1:-.*}"
shift || true
jar=benchmarks/target/benchmarks.jar

mvn -B -q -pl benchmarks -am package -DskipTests

if java -jar "$jar" -l "$filter" | tail -n +2 | grep -q .; then
  java -jar "$jar" "$filter" \
    -f 1 -wi 4 -w 1s -i 5 -r 2s \
    -jvmArgsAppend "-Xms1g -Xmx1g" \
    -prof gc \
    -rf json -rff benchmarks/target/jmh-results.json \
    "$@"
fi

if [[ "org.jasyncio.benchmarks.memory.SuspendedTaskFootprint" =~ $filter ]]; then
  for case in noLocals twoInts twoLocals deadLocals; do
    java -Xms1g -Xmx1g -cp "$jar" org.jasyncio.benchmarks.memory.SuspendedTaskFootprint "$case"
  done
fi
