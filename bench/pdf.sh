#!/bin/bash
# bench/pdf.sh NH3CAT SRCDIR MKPDF: reading PDFs against poppler's own
# pdftotext, on the same files.
#
# The PDFs are typeset by tests/pdf/mkpdf: the review (two columns, its
# table, hyphenation), the review ten times over (ten times the pages),
# and 5,000 pages of one line each.  For each: pages per second of
# "nh3cat extract" (reading, layout and extraction) and of "pdftotext"
# (reading and layout), by wall clock and CPU, fastest of REPEAT runs
# (default 3), and the peak memory (maximum resident set) of each.
# Memory that does not grow with the page count is the point of reading
# one page at a time.  Machines are shared: compare the ratios of one run.
set -eu
nh3cat=$1 srcdir=$2 mkpdf=$3
repeat=${REPEAT:-3}
command -v pdftotext >/dev/null || { echo "bench-pdf: pdftotext not found (apt-get install poppler-utils)"; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-bench-pdf.XXXXXX")
trap 'rm -rf "$work"' EXIT

review=$srcdir/corpus/papers/peng2024-chemsci-review.txt
"$mkpdf" --hyphenate "$review" "$work/review.pdf"
for i in 1 2 3 4 5 6 7 8 9 10; do cat "$review"; echo; done > "$work/review10.txt"
"$mkpdf" --hyphenate "$work/review10.txt" "$work/review-x10.pdf"
"$mkpdf" --pages 5000 "$srcdir/tests/pdf/two-column.txt" "$work/5000-pages.pdf"

# best LABEL CMD...: sets WALL CPU (seconds, fastest run) and RSS (KB, largest)
best() {
  local i t wall cpu rss
  WALL=999999 CPU=0 RSS=0
  for i in $(seq "$repeat"); do
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" > /dev/null 2> "$work/err" ||
      { echo "bench-pdf: $* failed:"; cat "$work/err"; exit 1; }
    read -r wall u s rss < "$work/time"
    cpu=$(echo "$u + $s" | bc)
    if [ "$(echo "$wall < $WALL" | bc)" = 1 ]; then WALL=$wall CPU=$cpu; fi
    if [ "$rss" -gt "$RSS" ]; then RSS=$rss; fi
  done
}

echo "| PDF | pages | reader | wall s | CPU s | pages/s (wall) | pages/s (CPU) | peak memory |"
echo "|---|---|---|---|---|---|---|---|"
for pdf in review review-x10 5000-pages; do
  pages=$(pdfinfo "$work/$pdf.pdf" | sed -n 's/^Pages: *//p')
  best pdftotext "$work/$pdf.pdf" -
  pw=$WALL pc=$CPU pr=$RSS
  best "$nh3cat" extract -o /dev/null "$work/$pdf.pdf"
  nw=$WALL nc=$CPU nr=$RSS
  rate() { echo "scale=1; $pages / ($1 + 0.005)" | bc; }
  printf '| %s | %s | pdftotext | %s | %s | %s | %s | %.1f MB |\n' "$pdf" "$pages" "$pw" "$pc" \
    "$(rate "$pw")" "$(rate "$pc")" "$(echo "$pr / 1024" | bc -l)"
  printf '| %s | %s | nh3cat extract | %s | %s | %s | %s | %.1f MB |\n' "$pdf" "$pages" "$nw" "$nc" \
    "$(rate "$nw")" "$(rate "$nc")" "$(echo "$nr / 1024" | bc -l)"
  printf '|  |  | nh3cat / pdftotext speed | | | %.2f | %.2f | |\n' \
    "$(echo "($pw + 0.005) / ($nw + 0.005)" | bc -l)" "$(echo "($pc + 0.005) / ($nc + 0.005)" | bc -l)"
done
echo
echo "$(nproc) cores; fastest of $repeat runs; peak memory the largest of the runs."
