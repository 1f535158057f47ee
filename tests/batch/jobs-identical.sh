#!/bin/bash
# -j 2 (and -j 3) output is byte-identical to -j 1, over many documents in
# a given order, including documents that give no entries and one that
# cannot be read (which must not shift or drop the others' rows).
set -u
. "$top_srcdir/tests/setup.sh"
: "${NH3CAT:?}"
work=$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-jobs.XXXXXX")
trap 'rm -rf "$work"' EXIT

papers=("$top_srcdir"/corpus/papers/*.txt)
[ -e "${papers[0]}" ] || { echo "no corpus papers"; exit 99; }
# 24 documents: the corpus papers under several names, plus one empty text.
: > "$work/empty.txt"
i=0
while [ $i -lt 24 ]; do
  for p in "${papers[@]}"; do
    cp "$p" "$work/doc$i.txt"
    i=$((i + 1))
  done
done
ls "$work"/doc*.txt | sort -V > "$work/list"
echo "$work/empty.txt" >> "$work/list"

fail=0
"$NH3CAT" extract --files-from "$work/list" -j 1 -o "$work/j1.csv" || { echo "FAIL: -j 1 exit $?"; exit 1; }
rows=$(($(wc -l < "$work/j1.csv") - 1))
[ "$rows" -gt 24 ] || { echo "FAIL: only $rows rows from 24 documents"; fail=1; }
for j in 2 3; do
  "$NH3CAT" extract --files-from "$work/list" -j $j -o "$work/j$j.csv" || { echo "FAIL: -j $j exit $?"; fail=1; }
  cmp "$work/j1.csv" "$work/j$j.csv" || { echo "FAIL: -j $j output differs from -j 1"; fail=1; }
done
# ids restart per document: the first row of each document is KEY:1.
firsts=$(grep -c '^doc[0-9]*:1,' "$work/j1.csv")
[ "$firsts" -eq 24 ] || { echo "FAIL: $firsts documents start at KEY:1, expected 24"; fail=1; }

# A document that cannot be read: exit 2, -o file not written, stdout keeps
# the others in order.
echo "$work/missing.txt" | cat "$work/list" - > "$work/list2"
"$NH3CAT" extract --files-from "$work/list2" -j 2 -o "$work/bad.csv" 2>"$work/err"
st=$?
[ $st -eq 2 ] || { echo "FAIL: unreadable document gave exit $st, expected 2"; fail=1; }
[ ! -e "$work/bad.csv" ] || { echo "FAIL: -o file written despite an unreadable document"; fail=1; }
grep -q "missing.txt: error: cannot open" "$work/err" || { echo "FAIL: no message naming missing.txt"; cat "$work/err"; fail=1; }
"$NH3CAT" extract --files-from "$work/list2" -j 2 > "$work/j2-stdout.csv" 2>/dev/null
cmp "$work/j1.csv" "$work/j2-stdout.csv" || { echo "FAIL: stdout with a bad document differs"; fail=1; }

[ $fail -eq 0 ] && echo "PASS: -j 1, 2, 3 identical over $rows rows"
exit $fail
