# tests/hostile/stalls.sh: the inputs that once stalled validate, add, the
# XML reader and the report, as generators for the scale tests
# (tests/hostile/linear-*.sh, run by scale.sh's scale_case) and for
# bench/memory.sh.  gen_NAME N DIR writes the input of N units into DIR;
# check_NAME DIR N, when defined, looks at what the larger run wrote.
# The 1x sizes, those of the stalls:
#   identical   8,000 identical rows, 671 KB: validate held n^2/2 findings
#   catalyst    10,000 rows of one catalyst, 1.8 MB: pairwise checks, over 120 s
#   topics      a rules file of 100,000 topic lines: 21.8 s (quadratic)
#   waivers     a waiver file of 100,000 lines: a scan per finding
#   add-from    add --from with 20,000 old and 20,000 new rows: 7.5 s
#   xml-table   a sparse wide XML table (200 columns, rows of two cells),
#               3,000 rows, 205 KB: 51 s (cell lookups walked every row above)
#   report      a stats block grouped by catalyst over 20,000 entries
#               (a group per 100 entries), 2 MB: groups x entries of memory
#   report-files  the findings of a report over 2,000 entries files of one
#               row each: counted by file, files x findings (20,000 files
#               took 36 times the CPU time of 2,000, 9 s)
#   report-args the same files named one by one on the command line (as
#               corpus/entries/*.csv gives them): the rows worked out anew
#               after each file (2,000 files 3.0 s, 10 times a folder's)
# Every file stays under the 256 MiB nh3cat reads at 100x (short lines),
# and the XML table under the reader's million elements.
HEADER=id,doc,source,locator,catalyst,site_type,metals,loading_wt,support,promoter,size_nm,temperature_C,pressure_MPa,whsv_mL_g_h,rate_mmol_gcat_h,rate_mmol_gmetal_h,rate_metal,tof_s,ea_kJ_mol,ref,method,derived,evidence,status,note

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
  awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "topic w%x W%x\n", i, i }' > "$2/in.rules"
}
gen_waivers() {
  { echo "$HEADER"
    awk 'BEGIN { for (i = 0; i < 200; i++)
      printf "w:%d,w,table,table1/r%d,Ru/C,SAC,Ru,,C,,3,400,1,,2.%d,,,,,,experiment,,Ru/C,extracted,\n", i, i, i % 10 }'
  } > "$2/in.csv"
  awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "w:%d site-type-size r\n", i % 400 }' > "$2/in.waivers"
}
# validate holds findings in a bounded batch and sorts the rest on disk:
# they come out in the order of lines, each with its "(and N more ...)"
check_catalyst() {
  awk -F: 'NF > 2 && $2 ~ /^[0-9]+$/ { if ($2 + 0 < prev) { print "FAIL catalyst: finding out of line order: " $0; exit 1 } prev = $2 + 0 }' "$1/run.err" || return 1
  [ "$(grep -c 'more that disagree)$' "$1/run.err")" -gt $(($2 / 2)) ] || { echo "FAIL catalyst: value-conflict findings lost their count of the others"; return 1; }
}
# a corpus holding N reviewed rows of paper k, and N fresh rows of which
# nine in ten are the same candidates (same locator)
gen_add_from() {
  mkdir -p "$2/corpus/papers" "$2/corpus/entries"
  printf '# A paper\n\nNothing measured here.\n' > "$2/k.txt"
  for part in old new; do
    { echo "$HEADER"
      awk -v n="$1" -v part="$part" 'BEGIN { off = part == "old" ? 0 : int(n / 10)
        st = part == "old" ? "reviewed" : "extracted"
        for (i = 0; i < n; i++)
          printf "k:%d,k,text,L%d,C%d,NP,Ru,1,C,,3,%d,1,,%d.%d,,,,,,experiment,,C%d,%s,\n",
            i + 1, i + off + 1, i + off, 300 + i % 100, (i + off) % 50, i % 10, i + off, st }'
    } > "$2/$part.csv"
  done
  (cd "$2" && "$NH3CAT" add k.txt --from old.csv >/dev/null 2>&1) || echo "FAIL add-from: seeding the corpus failed"
}
check_add_from() { # every old row kept, every new one added: 1.1 N rows
  local rows
  rows=$(($(wc -l < "$1/corpus/entries/k.csv") - 1))
  [ "$rows" -eq $(($2 + $2 / 10)) ] || { echo "FAIL add-from: $rows rows in the corpus, expected $(($2 + $2 / 10))"; return 1; }
}
gen_xml_table() {
  awk -v n="$1" 'BEGIN {
    print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    print "<article><front><article-meta><title-group><article-title>T</article-title></title-group></article-meta></front><body><sec><title>R</title><p>Text.</p>"
    printf "<table-wrap id=\"t1\"><label>Table 1</label><caption><p>NH3 synthesis rates</p></caption><table><thead><tr><th>Catalyst</th><th>Rate (mmol g-1 h-1)</th>"
    for (c = 2; c < 200; c++) printf "<th>C%d</th>", c
    print "</tr></thead><tbody>"
    for (r = 0; r < n; r++) printf "<tr><td>Ru/C-%d prepared by impregnation</td><td>%d.%d</td></tr>\n", r, r % 97 + 1, r % 10
    print "</tbody></table></table-wrap></sec></body></article>" }' > "$2/in.xml"
}
check_xml_table() { # the table gave its rows
  local lines
  lines=$(wc -l < "$1/out.csv")
  [ "$lines" -eq $(($2 + 1)) ] || { echo "FAIL xml-table: $lines lines of output, expected $(($2 + 1))"; return 1; }
}
# N entries, a catalyst per 100, in a stats block grouped by catalyst
gen_report() {
  { echo "$HEADER"
    awk -v n="$1" 'BEGIN { g = int(n / 100); if (g < 1) g = 1
      for (i = 0; i < n; i++)
        printf "u:%d,u,table,table1/r%d,Cat-%d/CeO2,NP,Ru,1,CeO2,,3,%d,1,36000,%d.%d,,,,,,experiment,,Cat-%d,reviewed,\n",
          i + 1, i + 1, i % g, 300 + i % 100, i % 50 + 1, i % 10, i % g }'
  } > "$2/in.csv"
  cat > "$2/bycat.xml" <<'TEMPLATE'
<?xml version="1.0" encoding="UTF-8"?>
<report>
  <title>Rates by catalyst</title>
  <section title="1 Rates">
    <stats id="by-catalyst" field="rate_mmol_gcat_h" group="catalyst">
      <title>NH3 synthesis rate by catalyst</title>
    </stats>
  </section>
</report>
TEMPLATE
}

# N entries files of one row each, every row with an error (a single-atom
# catalyst of 3 nm particles), and a report of their findings
gen_report_files() {
  mkdir -p "$2/c"
  awk -v n="$1" -v d="$2/c" -v h="$HEADER" 'BEGIN {
    for (i = 0; i < n; i++) {
      f = sprintf("%s/p%07d.csv", d, i)
      print h > f
      printf "p%07d:1,p%07d,table,table1/r1,Ru/C,SAC,Ru,,C,,3,400,1,,2.%d,,,,,,experiment,,Ru/C,extracted,\n", i, i, i % 10 > f
      close(f) } }'
  cat > "$2/findings.xml" <<'TEMPLATE'
<?xml version="1.0" encoding="UTF-8"?>
<report>
  <title>Findings by file</title>
  <section title="1 Findings">
    <findings limit="10"/>
  </section>
</report>
TEMPLATE
}
# the same, the files named on the command line (run.args, scale.sh)
gen_report_args() {
  gen_report_files "$@"
  (cd "$2" && ls c/*.csv >run.args)
}
check_report_args() { check_report_files "$@"; }
check_report_files() { # an error a file, all of them counted (--layout)
  grep -q "^findings errors=$2 warnings=0 " "$1/run.out" ||
    { echo "FAIL report-files: expected $2 errors, one a file:"; grep '^findings ' "$1/run.out" | head -3; return 1; }
}

# Findings are not held in memory: rows of one catalyst (3.5 findings a row)
# validated with their rules, then with those rules off, at one size; the
# peak with the findings must stay under 1.25 times the peak without them
# (held, they doubled it: 199 against 96 MB at 100,000 rows).  Judged where
# memory is (not under valgrind or sanitizers).
findings_case() {
  local dir="$work/findings" n=$((5000 * (SCALE < 10 ? 10 : SCALE))) kq lq kf lf
  [ -z "${VALGRIND:-}" ] && [ "${HOSTILE_MEMORY:-yes}" != no ] || return 0
  mkdir -p "$dir"
  gen_catalyst "$n" "$dir"
  printf 'severity value-conflict off\nseverity loading-rate off\nseverity same-value off\n' > "$dir/quiet.rules"
  run_timed "$dir" "$NH3CAT" validate --rules quiet.rules in.csv
  kq=$(cat "$dir/run.kb") lq=$(wc -l < "$dir/run.err")
  run_timed "$dir" "$NH3CAT" validate in.csv
  kf=$(cat "$dir/run.kb") lf=$(wc -l < "$dir/run.err")
  echo "findings     $n rows: $lq -> $lf lines of findings, peak $kq -> $kf KB"
  [ "$lf" -gt $((3 * n)) ] || { echo "FAIL findings: $lf lines of findings for $n rows, expected over $((3 * n))"; fail=1; }
  [ "$kf" -lt $((kq * 5 / 4)) ] || { echo "FAIL findings: peak memory $kf KB with the findings, $kq KB without: validate holds them"; fail=1; }
  rm -rf "$dir"
}
