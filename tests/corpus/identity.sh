#!/bin/bash
# tests/corpus/identity.sh: a curator's row keeps its identity whatever
# the curator edits (docs/CURATING.md, "Which rows are yours").
#
# A paper gives three candidates.  The curator marks the first reviewed and
# the second rejected, then edits one column of both (each schema column in
# turn, then all of them at once) and adds the paper again.  Every time:
# add exits 0, the two rows stay byte for byte, the file keeps its three
# rows (the edited candidates neither come back nor are duplicated), and
# a third add changes nothing.
set -u
: "${NH3CAT:?NH3CAT must name the nh3cat binary}"
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../setup.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-identity.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 99

printf 'Catalysts for ammonia synthesis\n\n%s\n%s\n%s\n' \
  'The Ru/MgO catalyst gave an NH3 synthesis rate of 4.3 mmol g-1 h-1 at 400 °C and 1 MPa.' \
  'The Co/CeO2 catalyst gave an NH3 synthesis rate of 2.1 mmol g-1 h-1 at 350 °C and 0.1 MPa.' \
  'The Fe-K/Al2O3 catalyst gave an NH3 synthesis rate of 1.5 mmol g-1 h-1 at 450 °C and 10 MPa.' > p.txt
mkdir -p base/papers base/entries
"$NH3CAT" add p.txt -C base > /dev/null || { echo "FAIL: the first add failed"; exit 1; }
[ "$(wc -l < base/entries/p.csv)" = 4 ] || { echo "FAIL: expected 3 candidates"; cat base/entries/p.csv; exit 1; }
# Columns by name, from the header the program wrote (the schema may grow).
col() { head -1 base/entries/p.csv | tr ',' '\n' | grep -nx "$1" | cut -d: -f1; }
status=$(col status) note=$(col note) origin=$(col origin)
[ -n "$status" ] && [ -n "$note" ] && [ -n "$origin" ] || { echo "FAIL: no status, note or origin column"; exit 1; }
# The curator's verdicts: row 1 reviewed, row 2 rejected.
awk -F, -v OFS=, -v s="$status" -v n="$note" 'NR == 2 { $s = "reviewed"; $n = "checked" } NR == 3 { $s = "rejected" } 1' \
  base/entries/p.csv > t && mv t base/entries/p.csv
awk -F, -v s="$status" '(NR == 2 && $s != "reviewed") || (NR == 3 && $s != "rejected") { bad = 1 } END { exit bad }' \
  base/entries/p.csv || { echo "FAIL: the verdicts were not written"; exit 1; }
# New values for each column of rows 1 and 2 (every column but origin, which
# is nh3cat's), unlike any the extractor wrote.
ncols=$((origin - 1))
[ "$origin" = "$(head -1 base/entries/p.csv | tr ',' '\n' | wc -l)" ] || { echo "FAIL: origin is not the last column"; exit 1; }
fail=0
for k in $(seq 1 $ncols) all; do
  rm -rf c && cp -R base c
  awk -F, -v OFS=, -v k="$k" -v n=$ncols '
    NR == 1 { for (c = 1; c <= NF; c++) name[c] = $c }
    function val(c, row,   m) {
      m = name[c]
      if (m == "id") return "p:" row row
      if (m == "doc") return "other-doc"
      if (m == "source") return "caption"
      if (m == "locator") return "L99:C9"
      if (m == "status") return row == 2 ? "rejected" : "reviewed"
      if (m ~ /_(wt|nm|C|MPa|h|s|mol|pct)$/) return "7." c row
      return "edited " c " " row
    }
    NR == 2 || NR == 3 {
      if (k == "all") { for (c = 1; c <= n; c++) $c = val(c, NR) } else $k = val(k, NR)
    } 1' base/entries/p.csv > c/entries/p.csv
  sed -n 2,3p c/entries/p.csv > edited
  "$NH3CAT" add p.txt -C c > out 2> err; rc=$?
  [ $rc = 0 ] || { echo "FAIL column $k: add exited $rc"; cat err; fail=1; continue; }
  sed -n 2,3p c/entries/p.csv | cmp -s - edited ||
    { echo "FAIL column $k: the curator's rows changed"; diff edited <(sed -n 2,3p c/entries/p.csv); fail=1; }
  rows=$(($(wc -l < c/entries/p.csv) - 1))
  [ "$rows" = 3 ] || { echo "FAIL column $k: $rows rows after add, expected 3 (a candidate came back)"; cat c/entries/p.csv; fail=1; }
  cp c/entries/p.csv before
  "$NH3CAT" add p.txt -C c > out 2> err
  cmp -s before c/entries/p.csv || { echo "FAIL column $k: a second add changed the file"; fail=1; }
done
[ $fail = 0 ] && echo "PASS identity: every column of a reviewed and a rejected row edited, then the paper added again"
exit $fail
