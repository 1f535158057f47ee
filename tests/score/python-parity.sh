#!/bin/bash
# python-parity.sh: nh3cat score must print what the reference scorer
# (tools/score-extraction in the shared folder) prints, on the committed
# pairs and on random pairs full of the cases its rules single out.
# Skipped (77) where the reference scorer or python3 is not at hand.
. "$top_srcdir/tests/setup.sh"
ref=${SHARED_DIR:-}/tools/score-extraction
if [ -z "${SHARED_DIR:-}" ] || [ ! -f "$ref" ] || ! command -v python3 >/dev/null; then
  echo "SKIP: no reference scorer (\$SHARED_DIR/tools/score-extraction) or python3"
  exit 77
fi
export PYTHONIOENCODING=utf-8
work=$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-parity.XXXXXX")
trap 'rm -rf "$work"' EXIT
d=$top_srcdir/tests/score
fail=0 runs=0

same() { # label, then the score arguments
  local label=$1; shift
  python3 "$ref" "$@" >"$work/py.out" 2>&1
  local ps=$?
  ${VALGRIND:-} "$NH3CAT" score "$@" >"$work/c.out" 2>&1
  local cs=$?
  runs=$((runs + 1))
  if [ $ps != $cs ] || ! cmp -s "$work/py.out" "$work/c.out"; then
    echo "FAIL $label: exit $cs, reference $ps"
    diff -u "$work/py.out" "$work/c.out" | head -20
    fail=1
  fi
}

pairs="$d/a-gold.csv:$d/a-pred.csv $d/a-pred.csv:$d/a-gold.csv"
for g in "$top_srcdir"/tests/corpus-styles/*.gold.csv; do
  [ -f "$g" ] && pairs="$pairs $g:$d/a-pred.csv $d/a-gold.csv:$g"
done
if [ -f "$SHARED_DIR/gold/peng2024-chemsci-review.gold.csv" ]; then
  pairs="$pairs $SHARED_DIR/gold/peng2024-chemsci-review.gold.csv:$d/a-pred.csv"
fi
for p in $pairs; do
  g=${p%%:*} e=${p#*:}
  same "$(basename "$g") vs $(basename "$e")" "$g" "$e" --verbose
  same "$(basename "$g") vs $(basename "$e") --doc alpha" "$g" "$e" --doc alpha --min-f1 0.5
done
for seed in $(seq 1 40); do
  python3 "$d/gen-pairs.py" "$seed" "$work/g.csv" "$work/p.csv" || exit 99
  same "random pair $seed" "$work/g.csv" "$work/p.csv" --verbose
  same "random pair $seed --doc a" "$work/g.csv" "$work/p.csv" --doc a --min-f1 0.3
done
echo "$runs comparisons with the reference scorer"
exit $fail
