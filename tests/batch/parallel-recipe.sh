#!/bin/bash
# The README's recipe for scaling past one process: GNU parallel splits the
# list of papers into shards, each shard is extracted by its own nh3cat,
# and 'nh3cat merge' joins the shards.  The merged file must be
# byte-identical to one 'nh3cat extract' over the whole list.
set -u
. "$top_srcdir/tests/setup.sh"
: "${NH3CAT:?}"
command -v parallel >/dev/null 2>&1 || { echo "SKIP: GNU parallel not installed"; exit 77; }
work=$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-parallel.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 99

papers=("$top_srcdir"/corpus/papers/*.txt)
i=0
while [ $i -lt 30 ]; do
  for p in "${papers[@]}"; do cp "$p" "paper$(printf '%03d' $i).txt"; i=$((i + 1)); done
done
ls paper*.txt > all.list

# The recipe, as in README.md ("Scaling out"), on this host (-S :).
parallel --will-cite -S : --pipe -N 7 \
  "$NH3CAT extract --files-from - -o shard-{#}.csv" < all.list || { echo "FAIL: parallel"; exit 1; }
ls shard-*.csv | sort -V | xargs "$NH3CAT" merge -o merged.csv || { echo "FAIL: merge"; exit 1; }

"$NH3CAT" extract --files-from all.list -o whole.csv || { echo "FAIL: extract"; exit 1; }
nshards=$(ls shard-*.csv | wc -l)
[ "$nshards" -ge 4 ] || { echo "FAIL: only $nshards shards"; exit 1; }
if ! cmp whole.csv merged.csv; then
  echo "FAIL: merged shards differ from one extraction"
  diff whole.csv merged.csv | head -20
  exit 1
fi
echo "PASS: $nshards shards merged = one extraction ($(($(wc -l < whole.csv) - 1)) rows)"
