#!/usr/bin/env bash
# The echo benchmark (uvloop's shape): one Java client, closed-loop connections sending 1 KiB, 10 KiB
# and 100 KiB messages, against jasyncio (streams, protocols, proactor), Netty (one event-loop thread),
# Python asyncio, uvloop (Debian's python3-uvloop on /usr/bin/python3, installed if missing) and Node.
# Loopback only; each server and size runs WARMUP + SECONDS seconds.
#
# Usage: benchmarks/echo.sh [SECONDS [CONNECTIONS]]     (defaults: 3 s, 10 connections)
# Result: benchmarks/target/echo-results.md (a markdown table) and the console.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-3}"
connections="${2:-10}"
warmup=1
jar=benchmarks/target/benchmarks.jar
out=benchmarks/target/echo-results.md
python=/usr/bin/python3

mvn -B -q -pl benchmarks -am package -DskipTests

if ! "$python" -c 'import uvloop' 2>/dev/null; then
  apt-get update -qq && apt-get install -y -qq python3-uvloop >/dev/null
fi

client() {
  timeout 600 java -Xms1g -Xmx1g -cp "$jar" org.jasyncio.benchmarks.echo.EchoBenchmark \
    --seconds "$seconds" --warmup "$warmup" --connections "$connections" "$@" 2>/dev/null
}

free_port() {
  "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Starts "$@" PORT, waits for its "listening" line, runs the client against it, stops it.
external() {
  local name="$1"; shift
  local port log pid
  port="$(free_port)"
  log="$(mktemp)"
  "$@" "$port" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do
    grep -q listening "$log" && break
    sleep 0.1
  done
  grep -q listening "$log" || { echo "$name did not start: $(cat "$log")" >&2; kill "$pid"; return 1; }
  client --external "$name=$port"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  rm -f "$log"
}

{
  echo "| server | message | messages/s | MB/s each way |"
  echo "|---|---|---:|---:|"
  client
  external "Python $("$python" -c 'import platform; print(platform.python_version())') asyncio" \
    "$python" benchmarks/echo/asyncio_echo.py
  external "uvloop $("$python" -c 'import uvloop; print(uvloop.__version__)')" \
    "$python" benchmarks/echo/asyncio_echo.py --uvloop
  external "Node $(node --version)" node benchmarks/echo/node_echo.js
} | tee "$out"
