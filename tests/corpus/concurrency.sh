#!/bin/bash
# tests/corpus/concurrency.sh: two writers of one corpus at once.
#
# Every command that writes a corpus holds its lock (corpus/.lock) from
# the first read to the last write, so that:
#   - two "nh3cat add" of one paper, each bringing its own reviewed rows,
#     keep both sides' rows (the second waits for the first), or one fails
#     with exit status 2; never do both exit 0 with rows lost;
#   - two different papers added under one key never mix: one is stored
#     with its own entries, the other is refused;
#   - two "nh3cat merge -o F F SHARD" at once keep both shards;
#   - a lock left by a process that died is taken over, and a lock still
#     held makes a writer that may not wait fail with status 2, naming the
#     holder, and leave the corpus as it was.
#   CONCURRENCY_RUNS   rounds of each race (default 50)
set -u
: "${NH3CAT:?NH3CAT must name the nh3cat binary}"
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../setup.sh"
runs=${CONCURRENCY_RUNS:-50}
work=$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-conc.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 99

hdr='id,doc,source,locator,catalyst,site_type,metals,loading_wt,support,promoter,size_nm,temperature_C,pressure_MPa,whsv_mL_g_h,rate_mmol_gcat_h,rate_mmol_gmetal_h,rate_metal,tof_s,ea_kJ_mol,ref,method,derived,evidence,status,note'
# Two curators' reviewed rows for paper p: five each, on different catalysts.
for side in a b; do
  { echo "$hdr"
    for i in 1 2 3 4 5; do
      echo "$side:$i,p,text,L$i,Ru$side$i/C,NP,Ru,,C,,,400,0.1,,$i.5,,,,,,experiment,,row $side$i,reviewed,curator $side"
    done; } > "$side.csv"
done
printf 'Ru/C catalysts for ammonia synthesis.\n' > p.txt
printf 'Fe catalysts for ammonia synthesis, another paper.\n' > q.txt
for side in p q; do
  { echo "$hdr"
    echo "x:1,k,text,L1,Only$side,NP,Ru,,C,,,400,0.1,,1.5,,,,,,experiment,,from $side,reviewed,checked"; } > "from-$side.csv"
done

fail=0
bad() { echo "FAIL: $*"; fail=1; }

# 1. Two adds of one paper.
lost=0 refused=0
for r in $(seq 1 "$runs"); do
  rm -rf c && mkdir -p c/papers c/entries
  "$NH3CAT" add p.txt -C c --from a.csv > out-a 2> err-a & pa=$!
  "$NH3CAT" add p.txt -C c --from b.csv > out-b 2> err-b & pb=$!
  wait $pa; ra=$?
  wait $pb; rb=$?
  for x in "a $ra" "b $rb"; do
    set -- $x
    case $2 in
      0) for i in 1 2 3 4 5; do
           grep -q ",row $1$i,reviewed,curator $1\(,\|$\)" c/entries/p.csv ||
             { lost=$((lost + 1)); bad "run $r: add $1 exited 0 but its row $1$i is gone"; }
         done;;
      2) refused=$((refused + 1));;
      *) bad "run $r: add $1 exited $2"; cat "err-$1";;
    esac
  done
  [ -e c/.lock ] && bad "run $r: the lock was left behind"
done
echo "two adds of one paper, $runs runs: $lost rows lost, $refused runs refused"

# 2. Two papers under one key.
for r in $(seq 1 "$runs"); do
  rm -rf c && mkdir -p c/papers c/entries
  "$NH3CAT" add p.txt -C c --key k --from from-p.csv > out-p 2> err-p & pp=$!
  "$NH3CAT" add q.txt -C c --key k --from from-q.csv > out-q 2> err-q & pq=$!
  wait $pp; rp=$?
  wait $pq; rq=$?
  if [ "$rp$rq" != 02 ] && [ "$rp$rq" != 20 ]; then
    bad "run $r: exit statuses $rp and $rq, expected one 0 and one 2"; cat err-p err-q; continue
  fi
  winner=p; [ "$rq" = 0 ] && winner=q
  cmp -s "$winner.txt" c/papers/k.txt || bad "run $r: the stored paper is not $winner.txt"
  grep -q "from $winner," c/entries/k.csv || bad "run $r: the entries are not those of $winner.txt"
  other=q; [ $winner = q ] && other=p
  grep -q "from $other," c/entries/k.csv && bad "run $r: entries of $other.txt stored under k"
  grep -q "key 'k' is taken" "err-$other" || bad "run $r: the refusal does not say the key is taken"
done

# 3. Two merges into one file.
for side in 1 2; do
  { echo "$hdr"
    echo "s:$side,s$side,text,L1,Fe$side,NP,Fe,,,K,,450,10,,$side.25,,,,,,experiment,,shard $side,extracted,"; } > "shard$side.csv"
done
for r in $(seq 1 "$runs"); do
  echo "$hdr" > all.csv
  "$NH3CAT" merge -o all.csv all.csv shard1.csv 2> err-1 & m1=$!
  "$NH3CAT" merge -o all.csv all.csv shard2.csv 2> err-2 & m2=$!
  wait $m1; r1=$?
  wait $m2; r2=$?
  [ $r1 = 0 ] && ! grep -q 'shard 1' all.csv && bad "run $r: merge 1 exited 0, its shard is lost"
  [ $r2 = 0 ] && ! grep -q 'shard 2' all.csv && bad "run $r: merge 2 exited 0, its shard is lost"
  [ $r1 = 0 ] || [ $r2 = 0 ] || bad "run $r: both merges failed"
  [ -e all.csv.lock ] && bad "run $r: all.csv.lock was left behind"
done

# 4. A lock left by a process that died is stale: taken over, with a note.
rm -rf c && mkdir -p c/papers c/entries
printf 'pid 999999 on elsewhere: nh3cat add old.txt\n' > c/.lock
"$NH3CAT" add p.txt -C c --from a.csv > out 2> err || { bad "add over a stale lock failed"; cat err; }
grep -q 'c/.lock: note: stale lock of pid 999999 on elsewhere: nh3cat add old.txt' err ||
  { bad "no note about the stale lock"; cat err; }
[ -e c/.lock ] && bad "the stale lock was left behind"

# 5. A lock still held: a writer that may not wait fails, naming the holder.
if command -v flock > /dev/null; then
  rm -rf c && mkdir -p c/papers c/entries
  printf 'pid 4242 on host: nh3cat add slow.txt\n' > c/.lock
  flock c/.lock sleep 5 & holder=$!
  for t in $(seq 1 50); do flock -n c/.lock true || break; sleep 0.1; done   # until it holds
  cp -R c before
  NH3CAT_LOCK_TIMEOUT=0 "$NH3CAT" add p.txt -C c --from a.csv > out 2> err; rc=$?
  [ $rc = 2 ] || bad "add with the lock held: exit $rc, expected 2"
  grep -q '^c/.lock: error: held by pid 4242 on host: nh3cat add slow.txt' err ||
    { bad "the error does not name the holder"; cat err; }
  diff -r before c > /dev/null || bad "add with the lock held changed the corpus"
  kill $holder 2> /dev/null; wait $holder 2> /dev/null
fi

[ $fail = 0 ] && echo "PASS concurrency: $runs runs each of two adds, two keys, two merges; stale and held locks"
exit $fail
