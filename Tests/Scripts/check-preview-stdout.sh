#!/bin/sh
# The README's first command, as a new user runs it: `make k8s-preview > dev.yaml` must leave
# only YAML in dev.yaml, exactly what `kiln build dev` prints. The build log, make's messages
# and the set-up's go to stderr. CI runs this on its fresh clone, where the first build's log
# is longest. A make started by another make (MAKELEVEL) prints "Entering directory" lines,
# as make -C does; a user's shell has neither, so neither is inherited here.
set -eu
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! env -u MAKELEVEL -u MAKEFLAGS -u MFLAGS make k8s-preview >"$tmp/dev.yaml" 2>"$tmp/stderr"; then
  cat "$tmp/stderr" >&2
  echo "FAIL: make k8s-preview failed" >&2
  exit 1
fi
"${BUILD_DIR:-.build}/release/kiln" build dev >"$tmp/expected.yaml"
if ! cmp -s "$tmp/expected.yaml" "$tmp/dev.yaml"; then
  echo "FAIL: make k8s-preview printed more than kiln build dev's YAML on stdout:" >&2
  diff "$tmp/expected.yaml" "$tmp/dev.yaml" | head -20 >&2
  exit 1
fi
if python3 -c 'import yaml' 2>/dev/null; then
  python3 -c 'import sys, yaml; list(yaml.safe_load_all(open(sys.argv[1])))' "$tmp/dev.yaml"
fi
echo "ok: make k8s-preview > dev.yaml holds only YAML ($(grep -c '^kind:' "$tmp/dev.yaml") objects; $(wc -l <"$tmp/stderr") lines of log on stderr)"
