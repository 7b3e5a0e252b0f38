#!/usr/bin/env bash
# Demo: validate the example specs (examples/specs) against the example host snapshots
# (examples/hosts) with the built CLI. An incompatible verdict (exit 1) is expected output, not a
# failure of the demo; any other non-zero exit is.
set -euo pipefail
cd "$(dirname "$0")/.."

# Under `npm run`, node is the project's Node 24. Build the bundle if it lacks `validate`.
if ! node dist/cli.js validate --help >/dev/null 2>&1; then
  node scripts/bundle.mjs
fi

run() {
  echo "\$ image-compat $*"
  local code=0
  node dist/cli.js "$@" || code=$?
  case "$code" in
    0) echo "(exit 0: compatible)" ;;
    1) echo "(exit 1: incompatible)" ;;
    *) echo "demo: unexpected exit $code" >&2; exit "$code" ;;
  esac
  echo
}

# One host, full report: NFD's per-set, per-rule tables plus what the host has.
run validate --spec examples/specs/gpu.yaml --features examples/hosts/h100-server.json --tags hopper
run validate --spec examples/specs/sriov.yaml --features examples/hosts/ci-vm.json
run validate --spec examples/specs/kernel-module.yaml --features examples/hosts/arm-server.json

# A whole cluster (what `kubectl get nodefeatures -A -o json` prints): how many nodes can run each image.
for spec in gpu kernel-module sriov; do
  run validate --spec "examples/specs/$spec.yaml" --features examples/hosts/cluster.json
done

# NFD's JSON, from standard input.
echo "\$ image-compat validate --spec examples/specs/gpu.yaml --features - --tags cpu --output json < examples/hosts/arm-server.json"
node dist/cli.js validate --spec examples/specs/gpu.yaml --features - --tags cpu --output json <examples/hosts/arm-server.json
