#!/bin/bash
# tests/inject/full-disk.sh: a full disk while nh3cat writes the corpus.
# With write, fsync or rename failing with ENOSPC (tests/inject/enospc.so,
# preloaded), "nh3cat add" and "nh3cat merge -o" must exit 2 with a message
# naming the file and the cause, leave every corpus file as it was and
# leave no temporary file behind.
set -u
: "${NH3CAT:?NH3CAT must name the nh3cat binary}"
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../setup.sh"
lib=$(cd "$(dirname "$NH3CAT")" && pwd)/tests/inject/enospc.so
[ -f "$lib" ] || { echo "FAIL: $lib not built"; exit 99; }
work=$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-enospc.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 99
# A plain preloaded library ahead of the sanitizer runtime is fine here.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"

hdr='id,doc,source,locator,catalyst,site_type,metals,loading_wt,support,promoter,size_nm,temperature_C,pressure_MPa,whsv_mL_g_h,rate_mmol_gcat_h,rate_mmol_gmetal_h,rate_metal,tof_s,ea_kJ_mol,ref,method,derived,evidence,status,note'
printf 'Ru/C gave 4.3 mmol/g/h at 400 C.\n' > p.txt
printf '%s\nx:1,p,text,L1,Ru/C,NP,Ru,,C,,,400,0.1,,4.3,,,,,,experiment,,ev,extracted,\n' "$hdr" > one.csv
printf '%s\nx:1,p,text,L1,Fe,NP,Fe,,,K,,450,10,,1.2,,,,,,experiment,,ev,extracted,\n' "$hdr" > two.csv
mkdir -p old/papers old/entries
cp p.txt old/papers/p.txt
printf '%s\np:1,p,text,L1,Ru/C,NP,Ru,,C,,,400,0.1,,4.2,,,,,,experiment,,ev,reviewed,kept\n' "$hdr" > old/entries/p.csv

fail=0
same() { diff -r "$1" "$2" > /dev/null; }
for call in write fsync rename; do
  # add into a corpus that has the paper: entries/p.csv must stay as it was.
  rm -rf c && cp -R old c
  NH3CAT_INJECT=$call LD_PRELOAD=$lib "$NH3CAT" add p.txt -C c --from two.csv > out 2> err
  rc=$?
  if [ $rc != 2 ]; then echo "FAIL add ($call fails): exit $rc, expected 2"; cat err; fail=1; fi
  grep -q 'c/entries/p.csv: error: .*No space left on device' err ||
    { echo "FAIL add ($call fails): no clear message:"; cat err; fail=1; }
  same old c || { echo "FAIL add ($call fails): the corpus changed"; diff -r old c; fail=1; }
  # add of a new paper: the paper's own file is not left half written.
  rm -rf c && cp -R old c
  cp p.txt q.txt && echo more >> q.txt
  NH3CAT_INJECT=$call LD_PRELOAD=$lib "$NH3CAT" add q.txt -C c --from one.csv > out 2> err
  rc=$?
  if [ $rc != 2 ]; then echo "FAIL add new ($call fails): exit $rc, expected 2"; cat err; fail=1; fi
  [ -e c/papers/q.txt ] && [ $call != rename ] && ! cmp -s q.txt c/papers/q.txt &&
    { echo "FAIL add new ($call fails): papers/q.txt half written"; fail=1; }
  ls c/papers c/entries | grep -q '\.tmp-' && { echo "FAIL add new ($call fails): temporary file left"; fail=1; }
  # merge -o over an existing file.
  rm -rf c && cp -R old c
  NH3CAT_INJECT=$call LD_PRELOAD=$lib "$NH3CAT" merge -o c/entries/p.csv c/entries/p.csv one.csv > out 2> err
  rc=$?
  if [ $rc != 2 ]; then echo "FAIL merge ($call fails): exit $rc, expected 2"; cat err; fail=1; fi
  grep -q 'c/entries/p.csv: error: .*No space left on device' err ||
    { echo "FAIL merge ($call fails): no clear message:"; cat err; fail=1; }
  same old c || { echo "FAIL merge ($call fails): the corpus changed"; diff -r old c; fail=1; }
done
# A new paper whose entries cannot be written (the paper's rename works, the
# entries' fails): the paper is taken out again, so neither is left behind.
rm -rf c && cp -R old c
cp p.txt r.txt && echo other >> r.txt
NH3CAT_INJECT=rename NH3CAT_INJECT_SKIP=1 LD_PRELOAD=$lib "$NH3CAT" add r.txt -C c --from one.csv > out 2> err
rc=$?
[ $rc = 2 ] || { echo "FAIL add, entries write failing: exit $rc, expected 2"; cat err; fail=1; }
grep -q 'c/entries/r.csv: error: cannot replace: No space left on device' err ||
  { echo "FAIL add, entries write failing: no clear message:"; cat err; fail=1; }
grep -q 'r.txt: not added; the corpus is unchanged' err ||
  { echo "FAIL add, entries write failing: does not say the corpus is unchanged"; cat err; fail=1; }
same old c || { echo "FAIL add, entries write failing: the paper was left without entries"; diff -r old c; fail=1; }
# Without injection the same commands work (the injector is what failed them).
rm -rf c && cp -R old c
LD_PRELOAD=$lib "$NH3CAT" merge -o c/entries/p.csv c/entries/p.csv two.csv 2> err ||
  { echo "FAIL: merge without injection failed"; cat err; fail=1; }
same old c && { echo "FAIL: merge without injection changed nothing"; fail=1; }
[ $fail = 0 ] && echo "PASS full-disk: add and merge with write, fsync and rename failing; a paper and its entries stored together or not at all"
exit $fail
