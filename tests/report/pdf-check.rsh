#!/bin/bash
# pdf-check.rsh: the reports open in poppler with the expected page count,
# render to PNG, and are reproducible: byte-identical SVG, and with
# SOURCE_DATE_EPOCH byte-identical PDF, carrying that date.
set -u
. "$top_srcdir/tests/setup.sh"
: "${NH3CAT:?}"
for tool in pdfinfo pdftoppm; do
  command -v $tool >/dev/null 2>&1 || { echo "SKIP: $tool not installed"; exit 77; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-pdf.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail=0
csv=$top_srcdir/tests/report/peng2024-v1.csv
check_pages() { # pdf layout-file
  want=$(sed -n 's/^pages=//p' "$2")
  got=$(pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p')
  if [ -z "$want" ] || [ "$got" != "$want" ]; then
    echo "FAIL $1: pdfinfo says '$got' pages, the layout $want"; fail=1
  fi
  pdftoppm -png -r 30 -f 1 -l 1 "$1" "$work/page" || { echo "FAIL pdftoppm $1"; fail=1; }
  [ -s "$work/page-1.png" ] || [ -s "$work/page-01.png" ] ||
    { echo "FAIL $1: no page image"; fail=1; }
  rm -f "$work"/page-*.png
}
for tpl in overview quality; do
  for data in "$csv" "$top_srcdir/tests/report/empty.csv"; do
    SOURCE_DATE_EPOCH=1700000000 "$NH3CAT" report --layout -o "$work/$tpl.pdf" \
      "$top_srcdir/templates/$tpl.xml" "$data" >"$work/$tpl.layout" 2>/dev/null ||
      { echo "FAIL render $tpl over $data"; fail=1; continue; }
    check_pages "$work/$tpl.pdf" "$work/$tpl.layout"
  done
done
# The overview over the fixture: title page, tables, five charts.
SOURCE_DATE_EPOCH=1700000000 "$NH3CAT" report -o "$work/a.pdf" "$top_srcdir/templates/overview.xml" "$csv" 2>/dev/null
sleep 1
SOURCE_DATE_EPOCH=1700000000 "$NH3CAT" report -o "$work/b.pdf" "$top_srcdir/templates/overview.xml" "$csv" 2>/dev/null
cmp -s "$work/a.pdf" "$work/b.pdf" || { echo "FAIL: PDF differs between runs"; fail=1; }
pdfinfo "$work/a.pdf" | grep -q '^CreationDate:.*2023' ||
  { echo "FAIL: creation date not from SOURCE_DATE_EPOCH"; pdfinfo "$work/a.pdf"; fail=1; }
for chart in $("$NH3CAT" report --list-charts "$top_srcdir/templates/overview.xml"); do
  "$NH3CAT" report --chart "$chart" -o "$work/1.svg" "$top_srcdir/templates/overview.xml" "$csv" 2>/dev/null
  "$NH3CAT" report --chart "$chart" -o "$work/2.svg" "$top_srcdir/templates/overview.xml" "$csv" 2>/dev/null
  cmp -s "$work/1.svg" "$work/2.svg" || { echo "FAIL: SVG of $chart differs between runs"; fail=1; }
  "$NH3CAT" report --chart "$chart" -o "$work/1.png" "$top_srcdir/templates/overview.xml" "$csv" 2>/dev/null
  head -c 8 "$work/1.png" | od -An -c | grep -q 'P   N   G' || { echo "FAIL: $chart PNG"; fail=1; }
done
# The data-quality report counts what nh3cat validate finds, whatever its rules.
bad=$top_srcdir/tests/report/bad.csv
"$NH3CAT" validate "$bad" "$csv" 2>"$work/validate.err" >/dev/null
"$NH3CAT" report --layout -o "$work/q.pdf" "$top_srcdir/templates/quality.xml" "$bad" "$csv" \
  >"$work/q.layout" 2>/dev/null
v_err=$(sed -n 's/.*: \([0-9]*\) errors*, \([0-9]*\) warnings*$/\1/p' "$work/validate.err")
v_warn=$(sed -n 's/.*: \([0-9]*\) errors*, \([0-9]*\) warnings*$/\2/p' "$work/validate.err")
r_err=$(sed -n 's/^findings errors=\([0-9]*\) .*/\1/p' "$work/q.layout")
r_warn=$(sed -n 's/^findings .*warnings=\([0-9]*\) .*/\1/p' "$work/q.layout")
if [ -z "$v_err" ] || [ "$v_err" != "$r_err" ] || [ "$v_warn" != "$r_warn" ] || [ "$r_err" = 0 ]; then
  echo "FAIL: validate found $v_err errors, $v_warn warnings; the report counts $r_err, $r_warn"
  fail=1
fi
[ $fail = 0 ] && echo "PASS pdf-check"
exit $fail
