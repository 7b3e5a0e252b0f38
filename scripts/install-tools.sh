#!/usr/bin/env bash
# Installs what the tests need beyond npm, on a fresh Debian 12 machine (CI runs as root):
# - Debian 12 packages: docker-registry (distribution 2.8, the fallback-tag registry), apache2-utils
#   (htpasswd), openssl;
# - peer tools from Debian's newer suites (oras, cosign), as binaries unpacked into .tools/ under a
#   private apt state, so the system's apt configuration is left alone. The mirror is read from the
#   system's own apt sources, never hard-coded.
# Idempotent: what is already there is kept.
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

# name:suite pairs; the binary inside each package is /usr/bin/<name>.
peer_tools=(oras:sid cosign:sid)
missing=()
for pair in "${peer_tools[@]}"; do
  [ -x "$TOOLS/bin/${pair%%:*}" ] || missing+=("$pair")
done
if [ ${#missing[@]} -gt 0 ]; then
  state="$TOOLS/apt"
  mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$state/etc/apt.conf.d" "$state/etc/preferences.d" "$state/debs"
  : >"$state/status"
  printf 'deb [trusted=yes] %s trixie main\ndeb [trusted=yes] %s sid main\n' "$mirror" "$mirror" >"$state/sources.list"
  opts=(-o "Dir::State=$state" -o "Dir::State::Lists=$state/lists" -o "Dir::State::status=$state/status"
    -o "Dir::Etc::SourceList=$state/sources.list" -o "Dir::Etc::SourceParts=-" -o "Dir::Etc::Parts=$state/etc/apt.conf.d"
    -o "Dir::Etc::PreferencesParts=$state/etc/preferences.d" -o "Dir::Cache=$state/cache"
    -o "APT::Get::List-Cleanup=0" -o "APT::Sandbox::User=root" -o "Acquire::Languages=none")
  apt-get "${opts[@]}" update -qq
  for pair in "${missing[@]}"; do
    name=${pair%%:*}
    suite=${pair##*:}
    (cd "$state/debs" && apt-get "${opts[@]}" download -qq "$name/$suite")
    deb=$(ls -t "$state/debs/${name}"_*.deb | head -n1)
    rm -rf "$state/x" && mkdir -p "$state/x"
    dpkg-deb -x "$deb" "$state/x"
    install -m 0755 "$state/x/usr/bin/$name" "$TOOLS/bin/$name"
  done
  rm -rf "$state/x"
fi

echo "docker-registry: $(docker-registry --version 2>&1 | head -n1)"
echo "oras: $("$TOOLS/bin/oras" version 2>&1 | head -n1)"
echo "cosign: $("$TOOLS/bin/cosign" version 2>&1 | grep -m1 GitVersion || true)"
