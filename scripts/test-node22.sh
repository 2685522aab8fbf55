#!/usr/bin/env bash
# Run the test suite on Node 22 (the suite's usual Node is 20). The Node 22 binary comes from the npm
# registry's `node` package (no other download site), installed once into node_modules/.cache/node22.
# Usage: scripts/test-node22.sh [vitest arguments…]
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${NODE22_PREFIX:-$PWD/node_modules/.cache/node22}"
node22="$prefix/node_modules/node/bin/node"
if ! "$node22" --version 2>/dev/null | grep -q '^v22\.'; then
  npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund node@22 >&2
fi
echo "Node $("$node22" --version)" >&2
export PATH="$(dirname "$node22"):$PATH"
npm run build
exec node node_modules/vitest/vitest.mjs run "$@"
