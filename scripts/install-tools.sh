#!/usr/bin/env bash
# Installs what the tests need beyond npm, on a fresh Debian 12 machine (CI runs as root):
# - Debian 12 packages: docker-registry (distribution 2.8, the fallback-tag registry), apache2-utils
#   (htpasswd), openssl;
# - peer tools from Debian's newer suites (oras, cosign, and crane, whose `crane registry serve` is
#   go-containerregistry's in-memory registry: a second real fallback-tag registry for the
#   concurrency tests), as binaries unpacked into .tools/ under a
#   private apt state, so the system's apt configuration is left alone. The mirror is read from the
#   system's own apt sources, never hard-coded.
# - .tools/bin/referrers-registry: a registry with the OCI 1.1 referrers API (none is packaged for
#   Debian 12), built from tools/referrers-registry/main.go with Debian's Go toolchain and
#   go-containerregistry sources (trixie, same private apt state); the toolchain is unpacked
#   into a scratch folder and removed after the build.
# Idempotent: what is already there is kept (referrers-registry is rebuilt when main.go is newer).
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS="$PWD/.tools"
mkdir -p "$TOOLS/bin"

need_apt=()
command -v docker-registry >/dev/null || need_apt+=(docker-registry)
command -v htpasswd >/dev/null || need_apt+=(apache2-utils)
command -v openssl >/dev/null || need_apt+=(openssl)
if [ ${#need_apt[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# The Debian mirror this machine already uses (deb822 or one-line sources).
mirror=$(grep -hoE '^(URIs:|deb) +(\[[^]]*\] +)?https?://[^ ]+/debian/?( |$)' \
  /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list /etc/apt/sources.list 2>/dev/null |
  grep -oE 'https?://[^ ]+/debian/?' | head -n1 || true)
mirror=${mirror:-}
if [ -z "$mirror" ]; then
  echo "install-tools: no Debian mirror found in the apt sources" >&2
  exit 1
fi

state="$TOOLS/apt"
apt_opts=(-o "Dir::State=$state" -o "Dir::State::Lists=$state/lists" -o "Dir::State::status=$state/status"
  -o "Dir::Etc::SourceList=$state/sources.list" -o "Dir::Etc::SourceParts=-" -o "Dir::Etc::Parts=$state/etc/apt.conf.d"
  -o "Dir::Etc::PreferencesParts=$state/etc/preferences.d" -o "Dir::Cache=$state/cache"
  -o "APT::Get::List-Cleanup=0" -o "APT::Sandbox::User=root" -o "Acquire::Languages=none")
apt_ready=
# The private apt state (trixie + sid from the same mirror), updated at most once per run.
private_apt() {
  if [ -z "$apt_ready" ]; then
    mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$state/etc/apt.conf.d" "$state/etc/preferences.d" "$state/debs"
    : >"$state/status"
    printf 'deb [trusted=yes] %s trixie main\ndeb [trusted=yes] %s sid main\n' "$mirror" "$mirror" >"$state/sources.list"
    apt-get "${apt_opts[@]}" update -qq
    apt_ready=1
  fi
}
# Downloads package/suite into $state/debs (a fresh copy each time) and prints the .deb's path.
download_deb() {
  local pkg=$1 suite=$2
  rm -f "$state/debs/${pkg}"_*.deb
  (cd "$state/debs" && apt-get "${apt_opts[@]}" download -qq "$pkg/$suite" >&2)
  ls -t "$state/debs/${pkg}"_*.deb | head -n1
}

# name:suite pairs; the binary inside each package is /usr/bin/<name>.
peer_tools=(oras:sid cosign:sid crane:sid)
missing=()
for pair in "${peer_tools[@]}"; do
  [ -x "$TOOLS/bin/${pair%%:*}" ] || missing+=("$pair")
done
if [ ${#missing[@]} -gt 0 ]; then
  private_apt
  for pair in "${missing[@]}"; do
    name=${pair%%:*}
    suite=${pair##*:}
    deb=$(download_deb "$name" "$suite")
    rm -rf "$state/x" && mkdir -p "$state/x"
    dpkg-deb -x "$deb" "$state/x"
    install -m 0755 "$state/x/usr/bin/$name" "$TOOLS/bin/$name"
  done
  rm -rf "$state/x"
fi

# referrers-registry: go-containerregistry's pkg/registry only imports its own packages and the
# standard library, so the -dev package alone is enough (no dependency sources), built in GOPATH mode.
GO_VERSION=1.24
rr_bin="$TOOLS/bin/referrers-registry"
rr_src=tools/referrers-registry/main.go
if [ ! -x "$rr_bin" ] || [ "$rr_src" -nt "$rr_bin" ]; then
  private_apt
  build="$TOOLS/go-build"
  rm -rf "$build" && mkdir -p "$build/root" "$build/gopath/src/referrers-registry"
  for spec in "golang-$GO_VERSION-go:trixie" "golang-$GO_VERSION-src:trixie" \
    golang-github-google-go-containerregistry-dev:trixie; do
    dpkg-deb -x "$(download_deb "${spec%%:*}" "${spec##*:}")" "$build/root"
  done
  ggcr_deb=$(ls "$state/debs"/golang-github-google-go-containerregistry-dev_*.deb)
  ggcr_version=$(dpkg-deb -f "$ggcr_deb" Version)
  cp "$rr_src" "$build/gopath/src/referrers-registry/"
  goroot="$build/root/usr/lib/go-$GO_VERSION"
  # GOPATH mode, offline: no module proxy, no toolchain download, no cgo (a static binary).
  (cd "$build/gopath/src/referrers-registry" &&
    env GOROOT="$goroot" GOPATH="$build/gopath:$build/root/usr/share/gocode" GO111MODULE=off \
      GOCACHE="$build/cache" GOTOOLCHAIN=local GOPROXY=off GOFLAGS= CGO_ENABLED=0 \
      "$goroot/bin/go" build -trimpath -ldflags "-s -w -X 'main.version=go-containerregistry $ggcr_version, $("$goroot/bin/go" env GOVERSION 2>/dev/null || echo go$GO_VERSION)'" \
      -o "$rr_bin.tmp" .)
  mv "$rr_bin.tmp" "$rr_bin"
  rm -rf "$build" "$state/debs/golang-$GO_VERSION-"*.deb
fi

echo "docker-registry: $(docker-registry --version 2>&1 | head -n1)"
echo "oras: $("$TOOLS/bin/oras" version 2>&1 | head -n1)"
echo "cosign: $("$TOOLS/bin/cosign" version 2>&1 | grep -m1 GitVersion || true)"
# Debian's crane has no build information of its own: name the package it came from.
crane_deb=$(ls -t "$state/debs"/crane_*.deb 2>/dev/null | head -n1 || true)
echo "crane: ${crane_deb:+$(dpkg-deb -f "$crane_deb" Version)}"
echo "referrers-registry: $("$TOOLS/bin/referrers-registry" -version 2>&1 | head -n1)"
