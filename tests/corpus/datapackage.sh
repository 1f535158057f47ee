#!/bin/bash
# tests/corpus/datapackage.sh: corpus/datapackage.json is what
# "nh3cat schema --datapackage corpus" prints (the column table of
# src/entry.c and the corpus's entries files); "make datapackage" rewrites it.
set -u
: "${NH3CAT:?NH3CAT must name the nh3cat binary}"
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../setup.sh"
top=$(cd "$here/../.." && pwd)
out=$(mktemp "${TMPDIR:-/tmp}/nh3cat-dp.XXXXXX")
trap 'rm -f "$out"' EXIT
(cd "$top" && "$NH3CAT" schema --datapackage corpus) > "$out" || { echo "FAIL: nh3cat schema failed"; exit 1; }
if ! cmp -s "$out" "$top/corpus/datapackage.json"; then
  echo "FAIL: corpus/datapackage.json is out of date; run make datapackage"
  diff -u "$top/corpus/datapackage.json" "$out" | head -20
  exit 1
fi
echo "PASS corpus/datapackage.json is current"
