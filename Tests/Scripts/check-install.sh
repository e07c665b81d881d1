#!/bin/sh
# `make install` and `make dist`, checked by what they leave behind: `make install` into a
# temporary DESTDIR and PREFIX lists exactly the binary, three completions and one man page
# for kiln and for each subcommand; the installed binary prints `git describe`'s version;
# `make dist` writes one tarball named with that version, holding a stripped static binary.
set -eu
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
make_() { env -u MAKELEVEL -u MAKEFLAGS -u MFLAGS make "$@"; }

version=$(git describe --tags --always --dirty | sed 's/^v//')
make_ install DESTDIR="$tmp/root" PREFIX=/opt/kiln >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log" >&2; fail "make install"; }

kiln="$tmp/root/opt/kiln/bin/kiln"
# One page for kiln and one for each subcommand, named as generate-manual --multi-page names them.
"$kiln" --experimental-dump-help | python3 -c '
import json, sys
def walk(command, prefix):
    name = prefix + [command["commandName"]]
    yield ".".join(name)
    for sub in command.get("subcommands", []):
        yield from walk(sub, name)
print("\n".join(walk(json.load(sys.stdin)["command"], [])))' >"$tmp/pages"
{
  echo ./opt/kiln/bin/kiln
  echo ./opt/kiln/share/bash-completion/completions/kiln
  echo ./opt/kiln/share/fish/vendor_completions.d/kiln.fish
  sed 's|^|./opt/kiln/share/man/man1/|; s|$|.1|' "$tmp/pages"
  echo ./opt/kiln/share/zsh/site-functions/_kiln
} | LC_ALL=C sort >"$tmp/expected"
(cd "$tmp/root" && find . -type f | LC_ALL=C sort) >"$tmp/installed"
diff -u "$tmp/expected" "$tmp/installed" >&2 || fail "make install did not install the expected files"
grep -q kiln "$tmp/pages" && [ "$(wc -l <"$tmp/pages")" -gt 5 ] || fail "fewer man pages than subcommands"
head -1 "$tmp/root/opt/kiln/share/zsh/site-functions/_kiln" | grep -q '^#compdef kiln' || fail "zsh completion"
grep -q "^complete -c 'kiln' " "$tmp/root/opt/kiln/share/fish/vendor_completions.d/kiln.fish" || fail "fish completion"
grep -q '^complete .* kiln$' "$tmp/root/opt/kiln/share/bash-completion/completions/kiln" || fail "bash completion"
grep -q '^\.Nm "kiln build"' "$tmp/root/opt/kiln/share/man/man1/kiln.build.1" || fail "man page of kiln build"

[ "$("$kiln" version)" = "kiln $version" ] || fail "kiln version printed '$("$kiln" version)', not 'kiln $version'"
[ "$("$kiln" --version)" = "$version" ] || fail "kiln --version printed '$("$kiln" --version)', not '$version'"

make_ dist >"$tmp/dist.log" 2>&1 || { cat "$tmp/dist.log" >&2; fail "make dist"; }
name="kiln-$version-$(uname -s | tr A-Z a-z)-$(uname -m)"
[ -f "dist/$name.tar.gz" ] || fail "make dist wrote no dist/$name.tar.gz"
tar -xzf "dist/$name.tar.gz" -C "$tmp"
for file in bin/kiln LICENSE README.md CHANGELOG.md share/man/man1/kiln.1 share/bash-completion/completions/kiln \
  share/zsh/site-functions/_kiln share/fish/vendor_completions.d/kiln.fish; do
  [ -f "$tmp/$name/$file" ] || fail "dist/$name.tar.gz has no $name/$file"
done
readelf -S "$tmp/$name/bin/kiln" | grep -q '\.symtab' && fail "the binary in dist/$name.tar.gz is not stripped"
readelf -l "$tmp/$name/bin/kiln" | grep -q INTERP && fail "the binary in dist/$name.tar.gz is not static"
[ "$("$tmp/$name/bin/kiln" version)" = "kiln $version" ] || fail "the binary in the tarball has another version"
echo "ok: make install put $(wc -l <"$tmp/installed") files under PREFIX; dist/$name.tar.gz ($(wc -c <"dist/$name.tar.gz") bytes)"
