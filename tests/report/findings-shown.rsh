#!/bin/bash
# findings-shown.rsh: a report validates its files when its template shows
# findings, and only then: the review sheet (templates/review.xml) gives
# each entry its own findings and "none" to an entry without; the quality
# report counts them; a template without findings renders the same data.
set -u
. "$top_srcdir/tests/setup.sh"
: "${NH3CAT:?}"
command -v pdftotext >/dev/null 2>&1 || { echo "SKIP: pdftotext (poppler-utils) not installed"; exit 77; }
work=$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-findings.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail=0
h=id,doc,source,locator,catalyst,site_type,metals,loading_wt,support,promoter,size_nm,temperature_C,pressure_MPa,whsv_mL_g_h,rate_mmol_gcat_h,rate_mmol_gmetal_h,rate_metal,tof_s,ea_kJ_mol,ref,method,derived,evidence,status,note
{ echo "$h"
  echo "k:1,k,table,table1/r1,Ru/C,SAC,Ru,,C,,3,400,1,,2.5,,,,,,experiment,,Ru/C | 2.5,extracted,"
  echo "k:2,k,table,table1/r2,Co/CeO2,NP,Co,,CeO2,,5,400,1,,1.2,,,,,,experiment,,Co/CeO2 | 1.2,extracted,"
} > "$work/k.csv"

# the review sheet: the single-atom row of 3 nm particles has its error, the other none
"$NH3CAT" report "$top_srcdir/templates/review.xml" --doc k -o "$work/r.pdf" "$work/k.csv" ||
  { echo "FAIL: review sheet not rendered"; fail=1; }
pdftotext -layout "$work/r.pdf" "$work/r.txt" 2>/dev/null
grep -q 'site-type-size' "$work/r.txt" ||
  { echo "FAIL: the review sheet does not show the site-type-size error of k:1"; fail=1; }
[ "$(grep -c 'Findings none' "$work/r.txt")" -ge 1 ] ||
  { echo "FAIL: the review sheet gives no entry 'Findings none'"; fail=1; }

# the quality report counts the error
"$NH3CAT" report "$top_srcdir/templates/quality.xml" --layout -o "$work/q.pdf" "$work/k.csv" >"$work/q.layout" ||
  { echo "FAIL: quality report not rendered"; fail=1; }
grep -q '^findings errors=1 ' "$work/q.layout" ||
  { echo "FAIL: the quality report does not count one error:"; grep '^findings' "$work/q.layout"; fail=1; }

# a template without findings: the same entries, summarized
"$NH3CAT" report "$top_srcdir/templates/overview.xml" --layout -o "$work/o.pdf" "$work/k.csv" >"$work/o.layout" ||
  { echo "FAIL: overview not rendered"; fail=1; }
grep -q '^summary entries=2 ' "$work/o.layout" ||
  { echo "FAIL: the overview does not summarize the two entries:"; grep '^summary' "$work/o.layout"; fail=1; }
exit $fail
