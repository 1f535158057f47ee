#!/bin/bash
# tests/hostile/extract-scale.sh: extraction stays linear on inputs shaped
# to make it quadratic, each generated at a tenth of HOSTILE_SCALE and at
# HOSTILE_SCALE times the size that stalled and extracted in this run
# (under $VALGRIND when set); tests/hostile/scale.sh says what each case
# must keep to.  The 1x sizes:
#   table     one wide header row (200 columns) over 800 rows of two cells,
#             4 KB: cells were padded to the full width and looked up by
#             scanning the row, rows x columns^2 (75 s)
#   sentence  one sentence of 8,000 numbers and units with no full stop,
#             320 KB: each entry's evidence was the whole sentence (976 MB
#             of CSV, 1.9 GB of memory); the output must grow with the input
#   over      extract -o OUT where OUT exists, an output of 2,000 papers
#             (120,000 rows, 19 MB): the check for curated rows read it whole
#             (140 MB of memory); it streams, so memory stays that of a row
. "$top_srcdir/tests/hostile/scale.sh"
HEADER=id,doc,source,locator,catalyst,site_type,metals,loading_wt,support,promoter,size_nm,temperature_C,pressure_MPa,whsv_mL_g_h,rate_mmol_gcat_h,rate_mmol_gmetal_h,rate_metal,tof_s,ea_kJ_mol,ref,method,derived,evidence,status,note

gen_table() { # ROWS DIR
  {
    printf 'Table 1. NH3 synthesis rates\n'
    printf 'Catalyst\tRate (mmol g-1 h-1)'
    for ((c = 2; c < 200; c++)); do printf '\tT%d' "$c"; done
    printf '\n'
    awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "Ru/C-%d\t%d.%d\n", i, i % 97 + 1, i % 10 }'
  } > "$2/in.txt"
}
gen_sentence() { # VALUES DIR
  awk -v n="$1" 'BEGIN {
    printf "The Ru/CeO2 catalyst gave"
    for (i = 0; i < n; i++)
      printf " %d.%d mmol g-1 h-1 at %d K and %d MPa,", i % 97 + 1, i % 10, 573 + i % 200, i % 9 + 1
    printf " respectively\n" }' > "$2/in.txt"
}
gen_over() { # ROWS DIR: a paper, and an output of extracted rows where its entries go
  printf 'Ru/CeO2 gave 2.5 mmol g-1 h-1 at 400 degC and 1 MPa.\n' > "$2/in.txt"
  { echo "$HEADER"
    awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++)
      printf "p%d:%d,p%d,text,L%d:C12,Ru%d/CeO2,NP,Ru,1,CeO2,,3,400,1,36000,2.5,,,,,,experiment,,Ru%d/CeO2 gave 2.5 mmol g-1 h-1 at 400 degC and 1 MPa.,extracted,\n",
        i / 60, i % 60 + 1, i / 60, i % 300 + 1, i, i }'
  } > "$2/out.csv"
}

# One entry per table row and per value; the sentence's output grows with
# it (evidence bounded), not with its square.
check_table() {
  [ "$(wc -l < "$1/out.csv")" -gt "$2" ] || { echo "FAIL table: $(wc -l < "$1/out.csv") lines of output for $2 rows"; return 1; }
}
check_sentence() {
  local lines bytes in
  lines=$(wc -l < "$1/out.csv"); bytes=$(wc -c < "$1/out.csv"); in=$(wc -c < "$1/in.txt")
  echo "sentence: $in bytes in, $bytes bytes and $lines lines out"
  [ "$lines" -gt $(($2 / 2)) ] || { echo "FAIL sentence: $lines lines of output for $2 values"; return 1; }
  [ "$bytes" -lt $((20 * in)) ] || { echo "FAIL sentence: $bytes bytes of CSV for $in bytes of text"; return 1; }
}
check_over() { # the old output replaced by the paper's one entry
  [ "$(wc -l < "$1/out.csv")" -eq 2 ] || { echo "FAIL over: $(wc -l < "$1/out.csv") lines in the new output, expected 2"; return 1; }
}

#          name      1x      exit lines memory  command
scale_case table     800     0    1     input   extract -o out.csv in.txt
scale_case sentence  8000    0    1     input   extract -o out.csv in.txt
scale_case over      120000  0    1     row     extract -o out.csv in.txt
exit $fail
