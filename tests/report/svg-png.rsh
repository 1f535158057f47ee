#!/bin/bash
# svg-png.rsh: every chart drawn as SVG looks like the same chart drawn as
# PNG.  Each SVG is rasterized by rsvg-convert at the PNG's pixel size and
# compared block by block with tests/report/pngdiff (a shade of
# antialiasing passes; text or markers out of place fail), over the
# fixture and over no data at all (the one-line note).
set -u
. "$top_srcdir/tests/setup.sh"
: "${NH3CAT:?}"
command -v rsvg-convert >/dev/null 2>&1 ||
  { echo "SKIP: rsvg-convert not installed (Debian librsvg2-bin, see ./bootstrap)"; exit 77; }
pngdiff=${PNGDIFF:-./tests/report/pngdiff}
work=$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-svgpng.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail=0 n=0
for tpl in "$top_srcdir/templates/overview.xml" "$top_srcdir/tests/report/charts.xml"; do
  for data in "$top_srcdir/tests/report/peng2024-v1.csv" "$top_srcdir/tests/report/empty.csv"; do
    for chart in $("$NH3CAT" report --list-charts "$tpl"); do
      base=$work/$(basename "$tpl" .xml)-$chart-$(basename "$data" .csv)
      "$NH3CAT" report --chart "$chart" -o "$base.svg" "$tpl" "$data" 2>/dev/null &&
      "$NH3CAT" report --chart "$chart" -o "$base.png" "$tpl" "$data" 2>/dev/null ||
        { echo "FAIL: render $chart of $tpl over $data"; fail=1; continue; }
      # nh3cat draws PNGs at 200 dpi; the SVG is in points.
      rsvg-convert -b white -d 200 -p 200 -o "$base.svg.png" "$base.svg" ||
        { echo "FAIL: rsvg-convert $base.svg"; fail=1; continue; }
      if ! "$pngdiff" "$base.png" "$base.svg.png"; then
        echo "FAIL: the SVG of chart '$chart' ($(basename "$tpl"), $(basename "$data")) differs from its PNG"
        fail=1
      fi
      n=$((n + 1))
    done
  done
done
[ $n -ge 10 ] || { echo "FAIL: only $n charts compared"; fail=1; }
[ $fail = 0 ] && echo "PASS svg-png: $n charts, SVG and PNG alike"
exit $fail
