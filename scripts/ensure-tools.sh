#!/usr/bin/env bash
# The `predemo` and `pretest` step: runs scripts/install-tools.sh only when a tool the demo or the
# tests need is missing, so that `npm run demo` and `npm test` work right after `npm ci` on a fresh
# machine and cost nothing once the tools are there.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
for tool in docker-registry htpasswd openssl; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
for tool in oras cosign crane referrers-registry; do
  [ -x ".tools/bin/$tool" ] || missing+=(".tools/bin/$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "missing ${missing[*]}: running scripts/install-tools.sh" >&2
  bash scripts/install-tools.sh
fi
