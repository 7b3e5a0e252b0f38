#!/usr/bin/env bash
# The whole pipeline on one machine, in seconds: start a local registry, push a small
# multi-platform image, publish its compatibility artifacts (lint, compile per platform, sign with
# a throwaway key, attach), discover and verify them, validate this host against the signed
# artifact and print the report. Then image selection: an index with two linux/amd64 candidates (a
# generic and a CUDA build), each with its own sets (`targets:`), and `select` choosing on this
# host, on an H100 snapshot and for a cluster. Then the offline part: the example specs against the
# example host snapshots (one host, a whole cluster).
# An incompatible verdict (exit 1) is expected output, not a failure of the demo; any other
# non-zero exit is. Needs docker-registry and openssl (scripts/install-tools.sh installs them).
set -euo pipefail
cd "$(dirname "$0")/.."

# Under `npm run`, node is the project's Node 24. Build the bundle if it is missing.
[ -f dist/cli.js ] || node scripts/bundle.mjs

for tool in docker-registry openssl; do
  if ! command -v "$tool" >/dev/null; then
    echo "demo: $tool is missing: run 'bash scripts/install-tools.sh' first" >&2
    exit 2
  fi
done

work=$(mktemp -d)
registry_pid=
cleanup() {
  [ -n "$registry_pid" ] && kill "$registry_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# Runs the CLI, echoing the command; exit 1 (incompatible) is shown, not fatal.
ic() {
  echo "\$ image-compat $*"
  local code=0
  node dist/cli.js "$@" || code=$?
  case "$code" in
    0) ;;
    1) echo "(exit 1: incompatible)" ;;
    *) echo "demo: image-compat $1 failed with exit $code" >&2; exit "$code" ;;
  esac
}

step "A local registry (docker-registry, distribution 2.8: no referrers API, so the fallback tag is used)"
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
cat >"$work/registry.yml" <<EOF
version: 0.1
log: {level: error, accesslog: {disabled: true}}
storage: {filesystem: {rootdirectory: $work/registry}, delete: {enabled: true}}
http: {addr: "127.0.0.1:$port", secret: demo}
EOF
docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
registry_pid=$!
for _ in $(seq 50); do
  node -e "fetch('http://127.0.0.1:$port/v2/').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))" && break
  sleep 0.1
done
echo "registry at 127.0.0.1:$port"

step "A small multi-platform image (linux/amd64, linux/arm64)"
image="127.0.0.1:$port/demo/app:1.0"
node scripts/demo-image.mjs "$image"

step "A throwaway signing key (ECDSA P-256)"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$work/key.pem" 2>/dev/null
openssl pkey -in "$work/key.pem" -pubout -out "$work/pub.pem"
echo "private key $work/key.pem, public key $work/pub.pem"

config=examples/config/image-compat.yaml
step "Publish: lint the config, see the spec for one platform, then sign and attach per platform"
ic lint "$config"
ic generate --config "$config" --platform linux/arm64
ic attach --config "$config" --image "$image" --plain-http --sign --key "$work/key.pem"

step "Discover and verify what was published"
ic discover --image "$image" --plain-http --platform linux/amd64
ic verify --image "$image" --plain-http --key "$work/pub.pem"

step "Plan the validation matrix, then validate this host as the job routed to it would"
ic plan --config "$config" --pretty
# The plan sends cpu-fallback to ubuntu-latest runners: this machine plays that runner.
mkdir -p "$work/reports/cpu-fallback-this-host"
ic validate --image "$image" --plain-http --require-signature --key "$work/pub.pem" \
  --compatibility cpu-fallback --report "$work/reports/cpu-fallback-this-host/report.json"

step "The matrix run's reports merged, as the report action does"
ic report --dir "$work/reports"

step "Select: an index with two linux/amd64 candidates (generic, CUDA), each with its own sets"
flavors="127.0.0.1:$port/demo/flavors:1.0"
node scripts/demo-image.mjs "$flavors" --flavors
ic attach --config examples/config/select-cuda.yaml --image "$flavors" --plain-http
ic plan --config examples/config/select-cuda.yaml --image "$flavors" --plain-http --pretty
echo "\$ image=\$(image-compat select --image $flavors --plain-http)"
code=0
chosen=$(node dist/cli.js select --image "$flavors" --plain-http) || code=$?
case "$code" in
  0) echo "this host runs: $chosen" ;;
  1) echo "(exit 1: no candidate fits this host)" ;;
  *) echo "demo: image-compat select failed with exit $code" >&2; exit "$code" ;;
esac
ic select --image "$flavors" --plain-http --features examples/hosts/h100-server.json
ic select --image "$flavors" --plain-http --features examples/hosts/cluster.json

step "Offline: the example specs against example host snapshots"
ic validate --spec examples/specs/gpu.yaml --features examples/hosts/h100-server.json --tags hopper
ic validate --spec examples/specs/kernel-module.yaml --features examples/hosts/arm-server.json
# A whole cluster (what `kubectl get nodefeatures -A -o json` prints): how many nodes can run each image.
for spec in gpu kernel-module sriov; do
  ic validate --spec "examples/specs/$spec.yaml" --features examples/hosts/cluster.json
done
echo
echo "demo: done"
