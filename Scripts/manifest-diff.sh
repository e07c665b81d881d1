#!/bin/sh
# Every environment of the project diffed against a git ref, for `make k8s-diff` and the
# pull-request workflow: only kiln's diff on stdout (build logs belong on stderr), and in
# markdown, cut at a line to stay under GitHub's 65,536-character comment limit, with a note.
#
#   Scripts/manifest-diff.sh BASE_REF [text|markdown]
# Environment: KILN (the binary), COMMENT_LIMIT (bytes; bytes are never fewer than characters).
set -eu
base_ref=$1
format=${2:-text}
kiln=${KILN:-.build/release/kiln}
limit=${COMMENT_LIMIT:-65536}

out=$(mktemp)
trap 'rm -f "$out"' EXIT
for file in environments/*.yaml environments/*.yml; do
  [ -f "$file" ] || continue
  env=$(basename "$file"); env=${env%.yaml}; env=${env%.yml}
  [ "$env" = defaults ] && continue
  [ "$format" = markdown ] || echo "== $env: $base_ref -> working tree" >> "$out"
  status=0
  "$kiln" diff "$env" --base "$base_ref" --format "$format" >> "$out" || status=$?
  [ "$status" -le 1 ] || exit "$status"   # 1 only says that something differs
done

size=$(wc -c < "$out")
if [ "$format" != markdown ] || [ "$size" -le "$limit" ]; then
  cat "$out"
  exit 0
fi
# Whole lines up to the limit less room for the note; an open code block and <details> are closed.
LC_ALL=C awk -v budget=$((limit - 400)) -v total="$size" '
  { if (used + length($0) + 1 > budget) { cut = 1; exit } print; used += length($0) + 1
    if ($0 ~ /^```/) fence = !fence
    if ($0 ~ /^<details>/) open = 1; if ($0 ~ /^<\/details>/) open = 0 }
  END { if (!cut) exit
        if (fence) print "```"; if (open) print "\n</details>"
        printf "\n**Truncated:** the diff is %d bytes, over GitHub'"'"'s comment limit; %d are shown. Run `make k8s-diff` for all of it.\n", total, used }
' "$out"
