#!/bin/sh
# `make deps`: what a fresh machine needs before any Swift runs. kiln needs a Swift toolchain and
# libyaml, its one system library (pkg-config name yaml-0.1). Everything here prints to stderr,
# so that `make k8s-preview > dev.yaml` holds only YAML even on the first run.
#
# Without libyaml, SwiftPM prints dozens of compile errors and a hint that is easy to miss, so
# the library is looked for first: as root it is installed with apt-get; otherwise the one
# command to run is printed and make stops.
set -eu
exec 1>&2
SWIFT=${SWIFT:-swift}

if ! command -v "$SWIFT" >/dev/null 2>&1; then
  echo "make: no Swift toolchain: '$SWIFT' is not on PATH. kiln needs Swift 6.1 or later."
  cat <<'EOF'
  Install it with swiftly, the toolchain installer (https://www.swift.org/install/linux/):
    curl -O https://download.swift.org/swiftly/linux/swiftly-$(uname -m).tar.gz
    tar zxf swiftly-$(uname -m).tar.gz && ./swiftly init --quiet-shell-followup
    . "${SWIFTLY_HOME_DIR:-$HOME/.local/share/swiftly}/env.sh"
  or unpack a toolchain from https://www.swift.org/download/ and put its usr/bin on PATH.
  Then run make again.
EOF
  exit 1
fi

have_libyaml() {
  if command -v pkg-config >/dev/null 2>&1; then pkg-config --exists yaml-0.1; else return 1; fi
}
have_libyaml && exit 0

# pkg-config comes along: the check above, and SwiftPM's, look libyaml up through it.
packages="libyaml-dev pkg-config"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "make: libyaml is missing (pkg-config yaml-0.1). Install it with your package manager,"
  echo "  e.g. 'brew install libyaml pkg-config' or 'dnf install libyaml-devel pkgconf', then run make again."
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "make: libyaml is missing (pkg-config yaml-0.1). Install it, then run make again:"
  echo "  sudo apt-get install -y $packages"
  exit 1
fi

echo "make: libyaml is missing (pkg-config yaml-0.1): apt-get install -y $packages"
export DEBIAN_FRONTEND=noninteractive
# A fresh image often has no package lists yet: update only when the install cannot find them.
if ! apt-get install -y -qq $packages; then
  apt-get update -qq
  apt-get install -y -qq $packages
fi
have_libyaml || { echo "make: libyaml-dev installed, but pkg-config still finds no yaml-0.1"; exit 1; }
