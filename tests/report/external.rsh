#!/bin/bash
# external.rsh: the overview over data nh3cat did not write, as a new user
# brings it: tests/report/external-table1.csv is Table 1 of the review
# (Peng et al., Chem. Sci., 2024, 15, 5897) typed in as one file, every row
# under one document key, sorted by catalyst across the papers it cites,
# without site_type, metals or support; and the synthetic corpus of
# tests/report/gen-corpus.sh at 2,000 entries with its site types erased.
# Over both: at most a quarter of the entries unclassified, no negative
# fitted Ea drawn, no chart box without data, every point either labelled
# or counted as not labelled, and the bibliography naming every reference
# number the rows cite.
set -u
. "$top_srcdir/tests/setup.sh"
: "${NH3CAT:?}"
work=$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-external.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail=0

check() { # name layout-file csv...
  local name=$1 lay=$2; shift 2
  local entries unc refs want
  entries=$(sed -n 's/^summary entries=\([0-9]*\) .*/\1/p' "$lay")
  unc=$(sed -n 's/^summary .* unclassified=\([0-9]*\) .*/\1/p' "$lay")
  if [ -z "$entries" ] || [ -z "$unc" ] || [ "$entries" -eq 0 ]; then
    echo "FAIL $name: no summary line with entries and unclassified"; fail=1; return
  fi
  if [ $((unc * 4)) -gt "$entries" ]; then
    echo "FAIL $name: $unc of $entries entries unclassified (more than a quarter)"; fail=1
  fi
  if grep -E '^fit .* Ea=-[0-9.]+ .* drawn$' "$lay"; then
    echo "FAIL $name: a negative fitted Ea is drawn"; fail=1
  fi
  # A chart draws markers or says in one line that it has none: never an empty box.
  awk -v name="$name" '
    /^chart / { if (c != "" && !ok) { print "FAIL " name ": chart " c " drew an empty box"; bad = 1 }
                c = $2; ok = 0; next }
    /^  markers=[1-9]/ || /^  empty: one line drawn/ { ok = 1 }
    /^  markers=[1-9]/ { n = $1; sub("markers=", "", n) }
    /^  labels=/ { split($1, a, "="); split($2, b, "=");
                   if (a[2] + b[2] > n) { print "FAIL " name ": chart " c " counts " a[2] " labels and " b[2] " not labelled of " n " points"; bad = 1 } }
    /^[a-z]/ && !/^chart / { if (c != "" && !ok) { print "FAIL " name ": chart " c " drew an empty box"; bad = 1 } c = "" }
    END { exit bad }' "$lay" || fail=1
  # Every reference number of the rows is listed under its document.
  # (these files quote no field: a comma always separates two)
  want=$(awk -F, 'FNR == 1 { for (i = 1; i <= NF; i++) if ($i == "ref") rc = i; next }
                  $rc != "" { n = split($rc, r, ";"); for (i = 1; i <= n; i++) print $2 " " r[i] }' "$@" |
         sort -u | wc -l)
  refs=$(sed -n 's/^bibliography .* refs=\([0-9]*\) .*/\1/p' "$lay")
  if [ "$refs" != "$want" ]; then
    echo "FAIL $name: the bibliography lists '$refs' references, the rows cite $want"; fail=1
  fi
}

ext=$top_srcdir/tests/report/external-table1.csv
"$NH3CAT" report --layout -o "$work/ext.pdf" "$top_srcdir/templates/overview.xml" "$ext" \
  >"$work/ext.layout" 2>"$work/ext.err" || { echo "FAIL render over $ext"; cat "$work/ext.err"; fail=1; }
check external-table1 "$work/ext.layout" "$ext"
# The rows name no site type: the classifier gives most of them one.
grep -q '^summary entries=28 .* inferred=2[0-9] ' "$work/ext.layout" ||
  { echo "FAIL external-table1: expected 28 entries, 20 or more inferred:"; grep '^summary' "$work/ext.layout"; fail=1; }

bash "$top_srcdir/tests/report/gen-corpus.sh" 2000 "$work/synth"
for f in "$work"/synth/entries/*.csv; do   # erase site_type (column 6)
  awk -F, -v OFS=, 'NR > 1 { $6 = "" } { print }' "$f" >"$f.tmp" && mv "$f.tmp" "$f"
done
"$NH3CAT" report --layout -o "$work/synth.pdf" "$top_srcdir/templates/overview.xml" \
  "$work/synth/entries" >"$work/synth.layout" 2>"$work/synth.err" ||
  { echo "FAIL render over the synthetic corpus"; cat "$work/synth.err"; fail=1; }
check synthetic-2000 "$work/synth.layout" "$work"/synth/entries/*.csv
# The synthetic corpus holds series that fall with temperature: they are found, not drawn.
grep -q '^fit .* Ea=-.* negative$' "$work/synth.layout" ||
  { echo "FAIL synthetic-2000: no negative fit found and left out"; fail=1; }
exit $fail
