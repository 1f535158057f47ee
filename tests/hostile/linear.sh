#!/bin/bash
# tests/hostile/linear.sh: inputs that once stalled validate, add and the
# XML reader, generated here at 10x and 100x a base size and run in one
# go.  Each case must
#   - exit as expected at both sizes (under $VALGRIND too: .ci/run runs
#     this in its valgrind stage, where a leak or bad read is exit 99);
#   - take, at 100x, under 20 times the CPU time of 10x (a quadratic stage
#     takes 100 times; times under 0.2 s count as 0.2 s, where the clock
#     and start-up say more than the input) and under LIMIT seconds;
#   - say no more at 100x than its check allows (findings bounded).
# The bases put the 100x case at or above the size that stalled:
#   identical   8,000 identical rows, 671 KB: validate held n^2/2 findings
#   catalyst    rows of one catalyst, 1.8 MB: pairwise checks, over 120 s
#   topics      a rules file of 100,000 topic lines: 21.8 s (quadratic)
#   waivers     a waiver file of 100,000 lines: a scan per finding
#   add-from    add --from with 20,000 old and 20,000 new rows: 7.5 s
#   xml-table   a sparse wide XML table (200 columns, rows of two cells),
#               205 KB: 51 s (cell lookups walked every row above)
set -u
. "$top_srcdir/tests/setup.sh"
: "${NH3CAT:?}"
work=$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-linear.XXXXXX")
trap 'rm -rf "$work"' EXIT
LIMIT=${SCALE_LIMIT_S:-600}   # seconds for the 100x case, valgrind on a loaded machine
HEADER=id,doc,source,locator,catalyst,site_type,metals,loading_wt,support,promoter,size_nm,temperature_C,pressure_MPa,whsv_mL_g_h,rate_mmol_gcat_h,rate_mmol_gmetal_h,rate_metal,tof_s,ea_kJ_mol,ref,method,derived,evidence,status,note
fail=0

# --- generators: gen_NAME N DIR writes the inputs of N units into DIR ------

gen_identical() {
  { echo "$HEADER"
    awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++)
      print "r:1,r,table,table1/r3,Ru/CeO2,NP,Ru,1,CeO2,,3,400,1,36000,2.7,,,,,,experiment,,Ru/CeO2 | 400 | 2.7,extracted," }'
  } > "$2/in.csv"
}
gen_catalyst() {
  { echo "$HEADER"
    awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) {
      src = i % 3 ? "text" : "table"
      printf "d:%d,d,%s,L%d,Ru/CeO2,NP,Ru,%s,CeO2,,3,%d,1,36000,%.3f,%.2f,Ru,%.4f,%d,%d,experiment,,Ru/CeO2 gave %d.%d mmol g-1 h-1 at %d degC and 1 MPa; %d-fold and %d times,extracted,\n",
        i, src, i, i % 2 ? "1" : "", 300 + i % 5 * 25, 1 + i % 97 / 10, 100 + i % 89,
        0.01 + i % 13 / 1000, 60 + i % 7, 40 + i % 11, i % 97, i % 10, 300 + i % 5 * 25, i % 17, i % 19 } }'
  } > "$2/in.csv"
}
gen_topics() {
  { echo "$HEADER"; echo "k:1,k,table,table1/r1,Ru/C,NP,Ru,,C,,,400,1,,2.5,,,,,3,experiment,,Ru/C,extracted,"; } > "$2/in.csv"
  awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) print "topic word" i " Word" i }' > "$2/in.rules"
}
gen_waivers() {
  { echo "$HEADER"
    awk 'BEGIN { for (i = 0; i < 200; i++)
      printf "w:%d,w,table,table1/r%d,Ru/C,SAC,Ru,,C,,3,400,1,,2.%d,,,,,,experiment,,Ru/C,extracted,\n", i, i, i % 10 }'
  } > "$2/in.csv"
  awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "w:%d site-type-size a reason %d\n", i % 400, i }' > "$2/in.waivers"
}
gen_addfrom() {
  mkdir -p "$2/corpus/papers" "$2/corpus/entries"
  printf '# A paper\n\nNothing measured here.\n' > "$2/k.txt"
  for part in old new; do
    { echo "$HEADER"
      awk -v n="$1" -v part="$part" 'BEGIN { off = part == "old" ? 0 : int(n / 2)
        st = part == "old" ? "reviewed" : "extracted"
        for (i = 0; i < n; i++)
          printf "k:%d,k,text,L%d,Cat-%d/CeO2,NP,Ru,1,CeO2,,3,%d,1,36000,%d.%d,,,,,,experiment,,Cat-%d gave it,%s,\n",
            i + 1, i + off + 1, i + off, 300 + i % 100, (i + off) % 50, i % 10, i + off, st }'
    } > "$2/$part.csv"
  done
  (cd "$2" && "$NH3CAT" add k.txt --from old.csv >/dev/null 2>&1) || echo "FAIL add-from: seeding the corpus failed"
}
gen_xmltable() {
  awk -v n="$1" 'BEGIN {
    print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    print "<article><front><article-meta><title-group><article-title>T</article-title></title-group></article-meta></front><body><sec><title>R</title><p>Text.</p>"
    printf "<table-wrap id=\"t1\"><label>Table 1</label><caption><p>NH3 synthesis rates</p></caption><table><thead><tr><th>Catalyst</th><th>Rate (mmol g-1 h-1)</th>"
    for (c = 2; c < 200; c++) printf "<th>C%d</th>", c
    print "</tr></thead><tbody>"
    for (r = 0; r < n; r++) printf "<tr><td>Ru/C-%d</td><td>%d.%d</td></tr>\n", r, r % 97 + 1, r % 10
    print "</tbody></table></table-wrap></sec></body></article>" }' > "$2/in.xml"
}

# --- one case --------------------------------------------------------------

run_timed() { # PREFIX CMD...: output to PREFIX.out, .err; status to .rc; CPU ms (user + sys) to .ms
  local out=$1
  shift
  { TIMEFORMAT='%3U %3S'; time ${VALGRIND:-} "$@" >"$out.out" 2>"$out.err"; echo $? >"$out.rc"; } 2>"$out.time"
  awk '{ printf "%d\n", ($1 + $2) * 1000 }' "$out.time" >"$out.ms"
}

# case NAME BASE STATUS MAXLINES DIR-ARGS...: run "nh3cat ARGS" in the case
# folder at 10x and 100x; MAXLINES is how many lines of diagnostics the 100x
# run may print, as a factor of the 10x run's ("1": the same, bounded).
run_case() {
  local name=$1 base=$2 want=$3 factor=$4 t10 t100 l10 l100 s rc
  shift 4
  for s in 10 100; do
    mkdir -p "$work/$name-$s"
    "gen_${name//-/}" $((base * s)) "$work/$name-$s"
    (cd "$work/$name-$s" && run_timed "$work/$name-$s/run" "$NH3CAT" "$@")
    rc=$(cat "$work/$name-$s/run.rc")
    if [ "$rc" != "$want" ]; then
      echo "FAIL $name: ${s}x exit $rc, expected $want"; head -5 "$work/$name-$s/run.err"; fail=1
    fi
  done
  t10=$(cat "$work/$name-10/run.ms")
  t100=$(cat "$work/$name-100/run.ms")
  l10=$(wc -l < "$work/$name-10/run.err")
  l100=$(wc -l < "$work/$name-100/run.err")
  echo "$name: 10x ${t10} ms, $l10 lines; 100x ${t100} ms, $l100 lines"
  [ "$t10" -ge 200 ] || t10=200
  if [ "$t100" -ge $((20 * t10)) ]; then echo "FAIL $name: 100x took ${t100} ms of CPU, over 20 times the 10x"; fail=1; fi
  if [ "$t100" -ge $((LIMIT * 1000)) ]; then echo "FAIL $name: 100x took over ${LIMIT} s"; fail=1; fi
  if [ "$l100" -gt $((factor * l10)) ]; then echo "FAIL $name: 100x printed $l100 lines, more than $factor times the 10x"; fail=1; fi
}

run_case identical 800 1 1 validate in.csv
run_case catalyst 200 1 20 validate in.csv
run_case topics 1000 0 1 validate --rules in.rules in.csv
run_case waivers 1000 0 20 validate --waivers in.waivers in.csv
run_case add-from 200 0 1 add k.txt --from new.csv
run_case xml-table 200 0 1 extract -o out.csv in.xml
# the 100x xml table gave its rows
if [ "$(wc -l < "$work/xml-table-100/out.csv")" -ne 20001 ]; then
  echo "FAIL xml-table: $(wc -l < "$work/xml-table-100/out.csv") lines of output, expected 20001"; fail=1
fi
exit $fail
