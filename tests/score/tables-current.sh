#!/bin/bash
# tests/score/tables-current.sh: src/score_tables.c is what its generator,
# src/gen-fold-tables, writes (the file is generated and checked in; this
# keeps the two from drifting).  Skipped without python3, or when this
# Python's Unicode version differs from the one the tables were made with.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
command -v python3 >/dev/null 2>&1 || { echo "SKIP: no python3"; exit 77; }
want=$(sed -n 's/.*Unicode \([0-9.]*\) data.*/\1/p' "$top/src/score_tables.c" | head -1)
have=$(python3 -c 'import unicodedata; print(unicodedata.unidata_version)')
[ "$want" = "$have" ] || { echo "SKIP: tables of Unicode $want, this Python has $have"; exit 77; }
out=$(mktemp "${TMPDIR:-/tmp}/nh3cat-tables.XXXXXX")
trap 'rm -f "$out"' EXIT
python3 "$top/src/gen-fold-tables" > "$out" || { echo "FAIL: src/gen-fold-tables failed"; exit 1; }
if ! cmp -s "$out" "$top/src/score_tables.c"; then
  echo "FAIL: src/score_tables.c differs from what src/gen-fold-tables writes:"
  diff -u "$top/src/score_tables.c" "$out" | head -20
  exit 1
fi
echo "PASS src/score_tables.c matches its generator"
