#!/bin/bash
# Extraction stays linear on inputs shaped to make it quadratic.  Each case
# is generated at 10x and 100x a base size and extracted in this run; the
# 100x run must take under 20 times the 10x run (a quadratic takes 100
# times), finish within a generous absolute limit, and write under 20 times
# the output (evidence is bounded, so the CSV grows with the paper).
#   table:    one wide header row (200 columns) over rows of two cells
#             (base 800 rows, 3.4 KB): cells were padded to the full
#             width and looked up by scanning the row, rows x columns^2
#   sentence: one sentence of numbers and units with no full stop (base
#             32 KB, 800 values): each entry's evidence was the sentence
set -u
. "$top_srcdir/tests/setup.sh"
: "${NH3CAT:?}"
work=$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-scale.XXXXXX")
trap 'rm -rf "$work"' EXIT
LIMIT=${SCALE_LIMIT_S:-120}   # seconds for the 100x case, on a loaded machine

gen_table() { # ROWS FILE
  {
    printf 'Table 1. NH3 synthesis rates\n'
    printf 'Catalyst\tRate (mmol g-1 h-1)'
    for ((c = 2; c < 200; c++)); do printf '\tT%d' "$c"; done
    printf '\n'
    awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "Ru/C-%d\t%d.%d\n", i, i % 97 + 1, i % 10 }'
  } > "$2"
}
gen_sentence() { # VALUES FILE
  awk -v n="$1" 'BEGIN {
    printf "The Ru/CeO2 catalyst gave"
    for (i = 0; i < n; i++)
      printf " %d.%d mmol g-1 h-1 at %d K and %d MPa,", i % 97 + 1, i % 10, 573 + i % 200, i % 9 + 1
    printf " respectively\n" }' > "$2"
}
now_ms() { date +%s%3N; }

fail=0
run() { # NAME GENERATOR BASE
  local name=$1 gen=$2 base=$3 t10 t100 o10 o100 s
  $gen $((base * 10)) "$work/$name-10.txt"
  $gen $((base * 100)) "$work/$name-100.txt"
  s=$(now_ms)
  "$NH3CAT" extract -o "$work/$name-10.csv" "$work/$name-10.txt" || { echo "FAIL $name: 10x exit $?"; fail=1; return; }
  t10=$(( $(now_ms) - s ))
  s=$(now_ms)
  "$NH3CAT" extract -o "$work/$name-100.csv" "$work/$name-100.txt" || { echo "FAIL $name: 100x exit $?"; fail=1; return; }
  t100=$(( $(now_ms) - s ))
  o10=$(wc -c < "$work/$name-10.csv")
  o100=$(wc -c < "$work/$name-100.csv")
  echo "$name: 10x $(wc -c < "$work/$name-10.txt") B in ${t10} ms -> $o10 B; 100x $(wc -c < "$work/$name-100.txt") B in ${t100} ms -> $o100 B"
  # below 100 ms the clock says little: compare against at least 100 ms
  [ "$t10" -ge 100 ] || t10=100
  if [ "$t100" -ge $((20 * t10)) ]; then echo "FAIL $name: 100x took ${t100} ms, over 20 times the 10x"; fail=1; fi
  if [ "$t100" -ge $((LIMIT * 1000)) ]; then echo "FAIL $name: 100x took over ${LIMIT} s"; fail=1; fi
  if [ "$o100" -ge $((20 * o10)) ]; then echo "FAIL $name: 100x wrote $o100 bytes, over 20 times the 10x"; fail=1; fi
  if [ "$(wc -l < "$work/$name-10.csv")" -lt $((base * 5)) ]; then echo "FAIL $name: too few entries at 10x"; fail=1; fi
}
run table gen_table 800
run sentence gen_sentence 80
exit $fail
