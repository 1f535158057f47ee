#!/bin/bash
# tests/install/man.sh: the manual page nh3cat.1 (made by man/gen-man from
# the help texts) has one section for every command nh3cat --help lists,
# holds each command's usage line, and renders without a warning.
set -u
: "${NH3CAT:?NH3CAT must name the nh3cat binary}"
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../setup.sh"
page=$(dirname "$NH3CAT")/nh3cat.1
[ -f "$page" ] || { echo "FAIL: $page was not made"; exit 1; }
fail=0
commands=$("$NH3CAT" --help | awk '/^Commands:/ { on = 1; next } on && /^$/ { exit } on { print $1 }')
[ -n "$commands" ] || { echo "FAIL: nh3cat --help lists no command"; exit 1; }
for c in $commands; do
  grep -qx "\.SS $c" "$page" || { echo "FAIL: no section for '$c'"; fail=1; }
  usage=$("$NH3CAT" "$c" --help | head -1 | sed 's/\\/\\e/g')
  grep -qxF "$usage" "$page" || { echo "FAIL: the page lacks the usage of '$c': $usage"; fail=1; }
done
sections=$(grep -c '^\.SS ' "$page")
[ "$sections" = "$(echo "$commands" | wc -l)" ] ||
  { echo "FAIL: $sections sections for $(echo "$commands" | wc -l) commands"; fail=1; }
if command -v groff > /dev/null; then
  warn=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
  [ -z "$warn" ] || { echo "FAIL: groff warns:"; echo "$warn"; fail=1; }
fi
[ $fail = 0 ] && echo "PASS man: $sections commands, one section each"
exit $fail
