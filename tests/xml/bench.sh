#!/bin/bash
# tests/xml/bench.sh: how fast nh3cat reads XML papers.  Builds JATS
# documents of growing size from the Table 1 test document (its table
# repeated), runs "nh3cat extract" on each, and prints size, time, rate
# and peak memory.  Run through "make bench-xml"; numbers only, no verdict.
set -eu
: "${NH3CAT:?NH3CAT must name the nh3cat binary}"
src=${1:?usage: bench.sh JATS-DOCUMENT}
work=$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-bench-xml.XXXXXX")
trap 'rm -rf "$work"' EXIT
printf '%-10s %10s %10s %10s %12s %8s\n' copies bytes seconds MB/s max_rss_kB entries
for n in 1 10 100 400; do
  python3 - "$src" "$n" "$work/doc$n.xml" <<'PY'
import sys
src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
s = open(src, encoding="utf-8").read()
a = s.index("<table-wrap"); b = s.index("</table-wrap>") + len("</table-wrap>")
wrap = s[a:b]
s = s[:a] + "\n".join(wrap.replace('id="tab1"', 'id="tab1-%d"' % i) for i in range(n)) + s[b:]
open(out, "w", encoding="utf-8").write(s)
PY
  bytes=$(wc -c <"$work/doc$n.xml")
  /usr/bin/env time -f '%e %M' -o "$work/time" "$NH3CAT" extract -o "$work/out.csv" "$work/doc$n.xml"
  read -r secs rss <"$work/time"
  entries=$(($(wc -l <"$work/out.csv") - 1))
  rate=$(awk -v b="$bytes" -v s="$secs" 'BEGIN { if (s > 0) printf "%.1f", b / s / 1e6; else print "-" }')
  printf '%-10s %10s %10s %10s %12s %8s\n' "$n" "$bytes" "$secs" "$rate" "$rss" "$entries"
done
