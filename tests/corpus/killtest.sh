#!/bin/bash
# tests/corpus/killtest.sh: SIGKILL nh3cat at random points while it
# rewrites corpus files, and check that each file is then either its old
# version or its new one, whole: never a mix, never a truncation.
#
#   KILLTEST_RUNS   how many kills (default 20; the acceptance run is 200)
#   KILLTEST_ROWS   rows of the entries file rewritten (default 20000)
#   KILLTEST_SEED   seed of the random kill points (default: from the clock)
#
# Each run starts from the old corpus and kills, at a random moment within
# the time a whole run takes, either "nh3cat add" (merging a fresh
# extraction into a large curated entries file) or "nh3cat merge -o" over
# that same file.  Left-over temporary files (NAME.tmp-XXXXXX) are allowed:
# they are never read as corpus files.
set -u
: "${NH3CAT:?NH3CAT must name the nh3cat binary}"
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../setup.sh"
runs=${KILLTEST_RUNS:-20}
rows=${KILLTEST_ROWS:-20000}
seed=${KILLTEST_SEED:-$(date +%s)}
RANDOM=$seed

work=$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-kill.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 99

hdr='id,doc,source,locator,catalyst,site_type,metals,loading_wt,support,promoter,size_nm,temperature_C,pressure_MPa,whsv_mL_g_h,rate_mmol_gcat_h,rate_mmol_gmetal_h,rate_metal,tof_s,ea_kJ_mol,ref,method,derived,evidence,status,note'
# The old corpus: one paper, and its entries, every third row reviewed.
mkdir -p old/papers old/entries
printf 'A paper whose entries are many.\n' > big.txt
cp big.txt old/papers/big.txt
awk -v n="$rows" -v h="$hdr" 'BEGIN { print h; for (i = 1; i <= n; i++)
  printf "big:%d,big,text,L%d,Cat%d,NP,Ru,,C,,,%d,1,,%d.5,,,,,,experiment,,\"row %d, as read\",%s,%s\n",
    i, i, i % 997, 300 + i % 200, i, i, (i % 3 == 0) ? "reviewed" : "extracted", (i % 3 == 0) ? "checked" : "" }' \
  > old/entries/big.csv
# A fresh extraction: every extracted row read again with another value, plus new ones.
awk -v n="$rows" -v h="$hdr" 'BEGIN { print h; for (i = 1; i <= n + n / 4; i++)
  printf "x:%d,big,text,L%d,Cat%d,NP,Ru,,C,,,%d,1,,%d.75,,,,,,experiment,,\"row %d, read again\",extracted,\n",
    i, i, i % 997, 300 + i % 200, i, i }' > fresh.csv
# A shard for merge: other documents.
awk -v n="$rows" -v h="$hdr" 'BEGIN { print h; for (i = 1; i <= n / 2; i++)
  printf "other:%d,other,table,table1/r%d,Fe%d,NP,Fe,,,K,,450,10,,%d,,,,,,experiment,,cell,extracted,\n",
    i, i, i, i }' > shard.csv

sum() { sha256sum "$1" 2>/dev/null | cut -d' ' -f1; }

# The new version each command leaves, from an undisturbed run.
rm -rf c && cp -R old c
"$NH3CAT" add big.txt -C c --from fresh.csv > /dev/null || { echo "FAIL: add did not run"; exit 1; }
new_add=$(sum c/entries/big.csv)
rm -rf c && cp -R old c
start=$(date +%s%N)
"$NH3CAT" merge -o c/entries/big.csv c/entries/big.csv shard.csv 2> /dev/null ||
  { echo "FAIL: merge did not run"; exit 1; }
ms=$(( ($(date +%s%N) - start) / 1000000 ))
new_merge=$(sum c/entries/big.csv)
old_sum=$(sum old/entries/big.csv)
paper_sum=$(sum old/papers/big.txt)
[ "$new_add" != "$old_sum" ] && [ "$new_merge" != "$old_sum" ] ||
  { echo "FAIL: the commands left the file unchanged: nothing to test"; exit 1; }
[ "$ms" -lt 20 ] && ms=20
span=$((ms + ms / 5))
echo "killtest: $rows rows ($(wc -c < old/entries/big.csv) bytes), a run takes ${ms} ms; $runs kills within ${span} ms, seed $seed"

# Check a corpus folder: each file old or new, nothing else but temporaries.
check() { # folder, new checksum of entries/big.csv; prints what is wrong
  local f s bad=0
  s=$(sum "$1/entries/big.csv")
  if [ "$s" != "$old_sum" ] && [ "$s" != "$2" ]; then
    echo "entries/big.csv is neither old nor new ($(wc -c < "$1/entries/big.csv") bytes)"; bad=1
  fi
  [ "$(sum "$1/papers/big.txt")" = "$paper_sum" ] || { echo "papers/big.txt changed"; bad=1; }
  for f in "$1"/* "$1"/*/*; do
    case $f in
      */entries|*/papers|*/entries/big.csv|*/papers/big.txt|*.tmp-??????|*/marker) ;;
      *) echo "unexpected file $f"; bad=1 ;;
    esac
  done
  return $bad
}

# The checker must see a truncated or mixed file.
rm -rf c && cp -R old c
head -c 100000 fresh.csv > c/entries/big.csv
if check c "$new_add" > /dev/null; then echo "FAIL: the checker missed a truncated file"; exit 1; fi

killed=0 finished=0 temps=0
for i in $(seq 1 "$runs"); do
  rm -rf c && cp -R old c && sleep 0.01 && touch c/marker
  delay=$(( (RANDOM * 32768 + RANDOM) % (span * 1000) ))   # microseconds
  when="$delay us"
  if [ $((RANDOM % 2)) = 0 ]; then
    cmd=add want=$new_add
    "$NH3CAT" add big.txt -C c --from fresh.csv > /dev/null 2>&1 &
  else
    cmd=merge want=$new_merge
    "$NH3CAT" merge -o c/entries/big.csv c/entries/big.csv shard.csv > /dev/null 2>&1 &
  fi
  pid=$!
  if [ $((i % 2)) = 0 ]; then
    # Half the runs: anywhere in the run.
    sleep "$(printf '%d.%06d' $((delay / 1000000)) $((delay % 1000000)))"
  else
    # The other half: once writing has begun (a new file in entries/, or
    # entries/big.csv touched), after a busy wait of a random number of
    # shell loop turns.
    while files=(c/entries/*) && [ ${#files[@]} = 1 ] && ! [ c/entries/big.csv -nt c/marker ] &&
          kill -0 "$pid" 2> /dev/null; do :; done
    turns=$((RANDOM % 600)); when="write start + $turns loop turns"
    for ((t = 0; t < turns; t++)); do :; done
  fi
  if kill -KILL "$pid" 2> /dev/null; then killed=$((killed + 1)); else finished=$((finished + 1)); fi
  wait "$pid" 2> /dev/null
  n=$(ls c/entries c/papers | grep -c '\.tmp-' || true)
  temps=$((temps + n))
  if ! out=$(check c "$want"); then
    echo "FAIL: run $i ($cmd killed at $when, seed $seed): $out"
    exit 1
  fi
done
echo "killtest: $runs runs: $killed killed while running, $finished had finished; $temps temporary files left behind; every file old or new"
