#!/bin/bash
# bench/batch.sh NH3CAT SRCDIR [N]
#
# The batch extraction benchmark: generates N (default 2000) documents from
# the corpus papers and the test texts (bench/gen-corpus.sh), then measures
# in one run, on the same files:
#   - a raw scan by pcre2grep -o for numbers followed by a unit (every match),
#   - nh3cat extract with 1 and 2 workers (documents/s, MB/s, peak memory),
#   - nh3cat extract over a tenth of the documents (peak memory must not grow
#     with the number of documents).
# Each contender runs REPEAT times (default 3) and its fastest run counts.
# Both wall-clock and CPU (user + system) seconds are given: on a shared
# machine the CPU figure is the steadier one for one worker, while the gain
# of a second worker shows only in wall-clock time.  Compare ratios within
# one run, never across runs.
set -eu
nh3cat=$1; srcdir=$2; n=${3:-2000}
repeat=${REPEAT:-3}
work=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-bench.XXXXXX")}
mkdir -p "$work"

srcs=()
for f in "$srcdir"/corpus/papers/*.txt "$srcdir"/corpus/papers/*.md "$srcdir"/corpus/papers/*.xml \
         "$srcdir"/tests/corpus-styles/*.txt "$srcdir"/tests/corpus-styles/*.md; do
  [ -f "$f" ] && srcs+=("$f")
done
if [ ! -f "$work/docs/.done-$n" ]; then
  rm -rf "$work/docs"
  "$srcdir/bench/gen-corpus.sh" "$work/docs" "$n" "${srcs[@]}"
  touch "$work/docs/.done-$n"
fi
ls "$work"/docs/doc* > "$work/list"
# Documents the extractor refuses (the hostile XML test files) are left out.
"$nh3cat" extract --files-from "$work/list" 2>&1 >/dev/null |
  awk -F: '/: error:/ { print $1 }' | sort -u > "$work/bad"
grep -vxF -f "$work/bad" "$work/list" > "$work/good" || true
mv "$work/good" "$work/list"
n=$(wc -l < "$work/list")
head -n $((n / 10)) "$work/list" > "$work/list10"
bytes=$(xargs cat < "$work/list" | wc -c)
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1e6 }')
xargs cat < "$work/list" > /dev/null   # warm the page cache for every contender

# run_best LABEL CMD...: the fastest of $repeat runs; sets WALL, CPU, OUT.
run_best() {
  local i t line
  WALL=""; CPU=""; OUT=""
  for i in $(seq "$repeat"); do
    { TIMEFORMAT='%R %U %S'; time "$@" > "$work/out" 2> "$work/err"; } 2> "$work/time"
    t=$(tail -n 1 "$work/time")
    line=$(awk '{ printf "%.3f %.3f", $1, $2 + $3 }' <<< "$t")
    if [ -z "$WALL" ] || awk -v a="${line%% *}" -v b="$WALL" 'BEGIN { exit !(a < b) }'; then
      WALL=${line%% *}; CPU=${line##* }; OUT=$(cat "$work/out" "$work/err")
    fi
  done
}
rate() { awk -v b="$bytes" -v s="$1" 'BEGIN { printf "%.1f", (s > 0) ? b / 1e6 / s : 0 }'; }
docs() { awk -v n="$2" -v s="$1" 'BEGIN { printf "%.0f", (s > 0) ? n / s : 0 }'; }
mem() { echo "$1" | sed -n 's/.*peak memory \([0-9.]*\) MB.*/\1/p'; }

pattern='[0-9]+(?:\.[0-9]+)?\s?(?:mmol|µmol|μmol|umol|mol|°C|K|MPa|bar|atm|kPa|kJ|kcal|nm|wt%|mL|h⁻¹|s⁻¹|h\^\{-1\}|s\^\{-1\})'
scan() { xargs pcre2grep -o -h -u "$pattern" < "$work/list" | wc -l; }
run_best scan
matches=$(echo "$OUT" | head -n 1)
sw=$WALL; sc=$CPU
run_best "$nh3cat" extract --stats -j 1 --files-from "$work/list"
w1=$WALL; c1=$CPU; m1=$(mem "$OUT")
run_best "$nh3cat" extract --stats -j 2 --files-from "$work/list"
w2=$WALL; c2=$CPU; m2=$(mem "$OUT")
run_best "$nh3cat" extract --stats -j 1 --files-from "$work/list10"
w10=$WALL; m10=$(mem "$OUT")

echo "| what | wall s | CPU s | documents/s (wall) | MB/s (wall) | MB/s (CPU) | peak memory |"
echo "|---|---|---|---|---|---|---|"
echo "| pcre2grep -o number+unit ($matches matches) | $sw | $sc | $(docs "$sw" "$n") | $(rate "$sw") | $(rate "$sc") | |"
echo "| nh3cat extract -j 1 | $w1 | $c1 | $(docs "$w1" "$n") | $(rate "$w1") | $(rate "$c1") | $m1 MB |"
echo "| nh3cat extract -j 2 | $w2 | $c2 | $(docs "$w2" "$n") | $(rate "$w2") | | $m2 MB |"
echo "| nh3cat extract -j 1, first $((n / 10)) documents | $w10 | | | | | $m10 MB |"
echo
echo "$n documents, $mb MB, from ${#srcs[@]} source texts; $(nproc) cores; fastest of $repeat runs each."
awk -v sw="$sw" -v sc="$sc" -v w1="$w1" -v c1="$c1" -v w2="$w2" 'BEGIN {
  printf "one worker: %.1f %% of the raw scan'"'"'s MB/s by wall clock, %.1f %% by CPU time; ", 100 * sw / w1, 100 * sc / c1
  printf "two workers: %.2fx the speed of one.\n", w1 / w2 }'
[ -n "${BENCH_DIR:-}" ] || rm -rf "$work"
