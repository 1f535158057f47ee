#!/bin/bash
# bench.sh NH3CAT TOP_SRCDIR: time a 10,000-entry scatter rendered to PDF
# (and to SVG), on generated entries with four site types.
set -eu
nh3cat=$1 top=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
head -1 "$top/tests/report/peng2024-v1.csv" >"$work/big.csv"
awk 'BEGIN {
  split("SAC SCC BCC NP", site, " ");
  for (i = 0; i < 10000; i++) {
    t = 150 + (i * 37) % 350; r = exp(log(10) * (-3 + 5 * ((i * 7919) % 10000) / 10000));
    printf "b:%d,b,table,L%d,Cat%d,%s,Ru,1,,,,%d,1,,%.6g,,,,,1,experiment,,,reviewed,\n", i, i + 2, i, site[i % 4 + 1], t, r;
  } }' >>"$work/big.csv"
cat >"$work/bench.xml" <<'XML'
<?xml version="1.0"?>
<report><title>Bench</title><section>
<chart id="big" kind="scatter" x="temperature_C" y="rate_mmol_gcat_h" group="site_type" ylog="true">
<title>10,000 entries.</title></chart></section></report>
XML
for fmt in pdf svg; do
  start=$(date +%s.%N)
  "$nh3cat" report --layout -o "$work/big.$fmt" "$work/bench.xml" "$work/big.csv" >"$work/layout"
  end=$(date +%s.%N)
  markers=$(sed -n 's/.*markers=\([0-9]*\).*/\1/p' "$work/layout")
  size=$(wc -c <"$work/big.$fmt")
  awk -v s="$start" -v e="$end" -v m="$markers" -v b="$size" -v f="$fmt" \
    'BEGIN { printf "bench-report: 10000-entry scatter to %s: %.2f s (%d markers, %d bytes)\n", f, e - s, m, b }'
done
# The overview template over a 10,000-entry synthetic corpus (1,000 documents).
bash "$top/tests/report/gen-corpus.sh" 10000 "$work/corpus"
start=$(date +%s.%N)
"$nh3cat" report --layout -o "$work/overview.pdf" "$top/templates/overview.xml" "$work/corpus/entries" \
  >"$work/layout" 2>/dev/null
end=$(date +%s.%N)
pages=$(sed -n 's/^pages=//p' "$work/layout")
awk -v s="$start" -v e="$end" -v p="$pages" \
  'BEGIN { printf "bench-report: overview of a 10000-entry corpus to PDF: %.2f s (%d pages)\n", e - s, p }'
