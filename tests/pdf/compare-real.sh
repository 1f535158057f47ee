#!/bin/bash
# tests/pdf/compare-real.sh: the PDF reader against pdftotext on the real
# PDFs of tests/real/pdf (make compare-pdf).
#
# Each PDF is extracted three ways and scored against its gold
# (tests/real/gold/KEY.gold.csv) with nh3cat score:
#   pdf       nh3cat extract KEY.pdf (the PDF reader)
#   text      pdftotext KEY.pdf, then nh3cat extract of that text
#   layout    pdftotext -layout KEY.pdf, then nh3cat extract of that text
# Prints per document and route the gold facts, predictions, matches and
# F1 (a trap's F1 is 1 when it gives nothing, 0 otherwise), the pooled
# numbers per route, and each route's pages per second by CPU time
# (reading and extraction; pdftotext's own time counted in its routes).
# A route that fails on a document (nh3cat refusing pdftotext's output as
# invalid UTF-8, say) is reported and counted, and the document not scored
# on that route.
# A measurement, not a test: nothing is judged.
#
# Environment: NH3CAT (default ./nh3cat), top_srcdir (default the
# directory above tests/), REAL_DIR (default tests/real): a folder laid out
# as tests/real is (pdf/KEY.pdf, gold/KEY.gold.csv), for PDFs kept outside
# the repository.
set -u
top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
NH3CAT=${NH3CAT:-./nh3cat}
real=${REAL_DIR:-$top_srcdir/tests/real}
command -v pdftotext >/dev/null || { echo "compare-real: pdftotext not found (poppler-utils)"; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-compare.XXXXXX")
trap 'rm -rf "$work"' EXIT

# cpu CMD...: runs CMD, adds its user + system seconds to the file $work/cpu
cpu() {
  /usr/bin/time -f '%U %S' -o "$work/t" "$@" || return 1
  awk '{ print $1 + $2 }' "$work/t" >> "$work/cpu"
}

# score KEY ROUTE CSV: prints "ROUTE gold recalled pred matched" to $work/table
score() {
  "$NH3CAT" score --doc "$1" "$real/gold/$1.gold.csv" "$3" > "$work/out" 2>&1 ||
    { echo "compare-real: nh3cat score failed on $1 ($2):"; cat "$work/out"; exit 1; }
  set -- "$1" "$2" $(grep '^facts:' "$work/out" | sed 's/[^0-9 ]/ /g')
  echo "$2 $3 $4 $5 $6" >> "$work/table"
  awk -v k="$1" -v r="$2" -v g="$3" -v c="$4" -v p="$5" -v m="$6" 'BEGIN {
    P = p ? m / p : (g ? 0 : 1); R = g ? c / g : 1; F = P + R ? 2 * P * R / (P + R) : 0
    printf "%-36s %-7s %5d %5d %5d %6.3f\n", k, r, g, p, m, F }'
}

printf '%-36s %-7s %5s %5s %5s %6s\n' document route gold pred match F1
: > "$work/table"
: > "$work/failed"
for route in pdf text layout; do : > "$work/cpu.$route"; done
pages=0
for pdf in "$real"/pdf/*.pdf; do
  [ -f "$pdf" ] || continue
  key=$(basename "$pdf" .pdf)
  [ -f "$real/gold/$key.gold.csv" ] || { echo "compare-real: no gold for $key"; exit 1; }
  n=$(pdfinfo "$pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
  pages=$((pages + ${n:-0}))
  for route in pdf text layout; do
    : > "$work/cpu"
    case $route in
      pdf) cpu "$NH3CAT" extract --doc "$key" -o "$work/$key.$route.csv" "$pdf" 2> "$work/err" ;;
      text) cpu pdftotext "$pdf" "$work/$key.txt" 2> /dev/null &&
              cpu "$NH3CAT" extract --doc "$key" -o "$work/$key.$route.csv" "$work/$key.txt" 2> "$work/err" ;;
      layout) cpu pdftotext -layout "$pdf" "$work/$key.txt" 2> /dev/null &&
              cpu "$NH3CAT" extract --doc "$key" -o "$work/$key.$route.csv" "$work/$key.txt" 2> "$work/err" ;;
    esac || { printf '%-36s %-7s failed: %s\n' "$key" "$route" "$(head -1 "$work/err")"
              echo "$route" >> "$work/failed"; continue; }
    awk '{ s += $1 } END { print s + 0 }' "$work/cpu" >> "$work/cpu.$route"
    score "$key" "$route" "$work/$key.$route.csv"
  done
done

echo
echo "pooled ($pages pages):"
for route in pdf text layout; do
  t=$(awk '{ s += $1 } END { print s + 0 }' "$work/cpu.$route")
  awk -v r="$route" -v t="$t" -v n="$pages" '$1 == r { g += $2; c += $3; p += $4; m += $5 } END {
    P = p ? m / p : (g ? 0 : 1); R = g ? c / g : 1; F = P + R ? 2 * P * R / (P + R) : 0
    printf "  %-7s %4d gold %4d pred %4d matched  precision=%.3f recall=%.3f F1=%.3f  CPU %.2f s, %s pages/s\n",
      r, g, p, m, P, R, F, t, (t > 0 ? sprintf("%.0f", n / t) : "-") }' "$work/table"
  f=$(grep -cx "$route" "$work/failed")
  [ "$f" = 0 ] || echo "          $f documents failed (not scored)"
done
