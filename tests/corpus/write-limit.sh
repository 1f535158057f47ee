#!/bin/bash
# tests/corpus/write-limit.sh: nh3cat never writes an entries file larger
# than it reads back (FILE_READ_MAX, 256 MiB).  A corpus holds 130 reviewed
# rows of 1 MiB notes for paper k (130 MiB); add --from brings 130 new rows
# of 1 MiB evidence (130 MiB).  Both files read, but the merge would be
# 260 MiB: add refuses before writing, naming the file and the limit, with
# exit 2, and the corpus is unchanged (the entries byte for byte, no paper
# stored, no temporary file left).
set -u
: "${NH3CAT:?NH3CAT must name the nh3cat binary}"
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../setup.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-limit.XXXXXX")
trap 'rm -rf "$work"' EXIT
export NH3CAT_CEILING_DIR=$work
cd "$work" || exit 99
fail=0
bad() { echo "FAIL: $*"; fail=1; }
HEADER=id,doc,source,locator,catalyst,site_type,metals,loading_wt,support,promoter,size_nm,temperature_C,pressure_MPa,whsv_mL_g_h,rate_mmol_gcat_h,rate_mmol_gmetal_h,rate_metal,tof_s,ea_kJ_mol,outlet_nh3_pct,ref,method,derived,evidence,status,note

# rows FIRST COUNT STATUS: COUNT rows from id FIRST, each with 1 MiB of text
# (the note of a reviewed row, the evidence of an extracted one)
rows() {
  awk -v first="$1" -v n="$2" -v st="$3" 'BEGIN {
    big = "x"; while (length(big) < 1048576) big = big big; big = substr(big, 1, 1048576)
    for (i = first; i < first + n; i++)
      if (st == "reviewed")
        printf "k:%d,k,text,L%d,Ru%d/C,NP,Ru,1,C,,3,400,1,,2.5,,,,,,,experiment,,Ru%d/C,reviewed,%s\n", i, i, i, i, big
      else
        printf "k:%d,k,text,L%d,Ru%d/C,NP,Ru,1,C,,3,400,1,,2.5,,,,,,,experiment,,%s,extracted,\n", i, i, i, big }'
}
mkdir -p corpus/papers corpus/entries
printf '# A paper\n\nNothing measured here.\n' > k.txt
{ echo "$HEADER"; rows 1 130 reviewed; } > corpus/entries/k.csv
{ echo "$HEADER"; rows 1001 130 extracted; } > new.csv
before=$(cksum < corpus/entries/k.csv)

"$NH3CAT" add k.txt --from new.csv > out 2> err; rc=$?
[ $rc = 2 ] || bad "add of a merge over 256 MiB: exit $rc, expected 2"
grep -q '^corpus/entries/k\.csv: error: the entries would take [0-9]* bytes, more than the 256 MiB nh3cat reads back; not written$' err ||
  { bad "the error does not name the file and the limit:"; head -c 2000 err; }
[ "$(cksum < corpus/entries/k.csv)" = "$before" ] || bad "the entries file changed"
[ -e corpus/papers/k.txt ] && bad "the paper was stored although its entries were not"
[ -z "$(ls -A corpus/papers)" ] || bad "corpus/papers is not empty: $(ls -A corpus/papers)"
[ "$(ls -A corpus/entries)" = k.csv ] || bad "corpus/entries holds more than k.csv: $(ls -A corpus/entries)"
[ -s out ] && bad "add printed a result although it failed: $(head -c 300 out)"

exit $fail
