# tests/hostile/scale.sh: sourced by the scale tests (linear-*.sh,
# extract-scale.sh).  Each case generates one input shape at two sizes,
# a tenth of HOSTILE_SCALE and HOSTILE_SCALE times the size at which it
# once stalled a stage (the "1x" size each case names), runs nh3cat on
# both in this one run, under $VALGRIND when set, and fails when
#   - an exit status is not the expected one (under valgrind a leak or a
#     bad read is exit 99);
#   - the larger run takes 20 times the CPU time (user + system) of the
#     smaller or more: a linear stage takes about 10, a quadratic 100
#     (times under FLOOR_MS count as FLOOR_MS, where start-up and the
#     clock say more than the input), or more than LIMIT seconds;
#   - its peak memory (maximum resident set, /usr/bin/time %M) is 20
#     times the smaller run's or more for a stage that holds its input,
#     twice or more for one that holds a row at a time (not under
#     valgrind, whose own memory it would measure, nor when
#     HOSTILE_MEMORY=no, as sanitizer builds set it);
#   - it prints more lines of diagnostics than the case allows.
# HOSTILE_SCALE is 10 in make check (the stalling sizes and ten times
# them), 100 in .ci/run's release stage and make check-hostile, 1 for
# builds under sanitizers or valgrind by default.  HOSTILE_SIZES, a list
# of NAME=SCALE words, gives named cases another scale than HOSTILE_SCALE
# (to run one case larger or smaller by hand).
set -u
. "$top_srcdir/tests/setup.sh"
: "${NH3CAT:?}"
SCALE=${HOSTILE_SCALE:-10}
case $SCALE in 1 | 10 | 100 | 1000) ;; *) echo "HOSTILE_SCALE must be 1, 10, 100 or 1000, not '$SCALE'"; exit 99 ;; esac
LIMIT=${SCALE_LIMIT_S:-900}   # seconds for the larger case, valgrind on a loaded machine
FLOOR_MS=${SCALE_FLOOR_MS:-200}
TIMECMD=/usr/bin/time
[ -x "$TIMECMD" ] || { echo "SKIP: $TIMECMD (Debian package time) measures CPU time and peak memory"; exit 77; }
work=$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-scale.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail=0
echo "HOSTILE_SCALE=$SCALE: each input at $(awk -v s="$SCALE" 'BEGIN { print s / 10 }')x and ${SCALE}x the size that stalled"

# run_timed DIR CMD...: run CMD in DIR, with the lines of DIR/run.args
# after it as more arguments when the generator wrote that file (a
# generated list of files, as a shell glob gives them); stdout to
# DIR/run.out, stderr to DIR/run.err; exit status, CPU milliseconds and
# peak KB to DIR/run.{rc,ms,kb}
run_timed() {
  local dir=$1 more=()
  shift
  [ -f "$dir/run.args" ] && mapfile -t more <"$dir/run.args"
  (cd "$dir" && $TIMECMD -f '%U %S %M' -o run.time ${VALGRIND:-} "$@" "${more[@]}" >run.out 2>run.err; echo $? >run.rc)
  awk 'END { printf "%d\n", ($1 + $2) * 1000 }' "$dir/run.time" >"$dir/run.ms"
  awk 'END { print $3 }' "$dir/run.time" >"$dir/run.kb"
}

# scale_case NAME UNITS STATUS LINES MEMORY CMD...: generate with
# gen_NAME N DIR (N = UNITS * size, UNITS = the 1x size in the generator's
# units: rows, values, lines), run "nh3cat CMD..." in DIR at both sizes.
#   STATUS  expected exit status
#   LINES   the larger run may print LINES times the smaller run's lines of
#           diagnostics ("1": the same, bounded; "20": growing with the input)
#   MEMORY  "input" (holds its input: under 20 times) or "row" (streams:
#           under twice the smaller run's peak)
scale_case() {
  local name=$1 units=$2 want=$3 factor=$4 mem=$5 s n dir rc t10 t100 k10 k100 l10 l100 small
  local scale=$SCALE kv
  shift 5
  for kv in ${HOSTILE_SIZES:-}; do [ "${kv%%=*}" = "$name" ] && scale=${kv#*=}; done
  case $scale in 1 | 10 | 100 | 1000) ;; *) echo "HOSTILE_SIZES: $name=$scale, the size must be 1, 10, 100 or 1000"; exit 99 ;; esac
  [ "$scale" = "$SCALE" ] || echo "$name: at $(awk -v s="$scale" 'BEGIN { print s / 10 }')x and ${scale}x (HOSTILE_SIZES)"
  small=$((scale / 10))
  for s in small large; do
    if [ $s = small ]; then
      if [ "$small" -ge 1 ]; then n=$((units * small)); else n=$((units / 10)); fi
    else n=$((units * scale)); fi
    dir="$work/$name-$s"
    rm -rf "$dir" && mkdir -p "$dir"
    "gen_${name//-/_}" "$n" "$dir"
    run_timed "$dir" "$NH3CAT" "$@"
    rc=$(cat "$dir/run.rc")
    if [ "$rc" != "$want" ]; then
      echo "FAIL $name: $s run ($n) exit $rc, expected $want"; head -5 "$dir/run.err"; fail=1
    fi
    echo "$n" >"$dir/run.n"
  done
  t10=$(cat "$work/$name-small/run.ms"); t100=$(cat "$work/$name-large/run.ms")
  k10=$(cat "$work/$name-small/run.kb"); k100=$(cat "$work/$name-large/run.kb")
  l10=$(wc -l <"$work/$name-small/run.err"); l100=$(wc -l <"$work/$name-large/run.err")
  printf '%-12s %9s -> %9s units: CPU %7d -> %7d ms (x%s), peak %8d -> %8d KB (x%s), %d -> %d lines\n' \
    "$name" "$(cat "$work/$name-small/run.n")" "$(cat "$work/$name-large/run.n")" "$t10" "$t100" \
    "$(awk -v a="$t10" -v b="$t100" 'BEGIN { printf "%.1f", b / (a > 0 ? a : 1) }')" "$k10" "$k100" \
    "$(awk -v a="$k10" -v b="$k100" 'BEGIN { printf "%.1f", b / (a > 0 ? a : 1) }')" "$l10" "$l100"
  [ "$t10" -ge "$FLOOR_MS" ] || t10=$FLOOR_MS
  if [ "$t100" -ge $((20 * t10)) ]; then echo "FAIL $name: the larger run took ${t100} ms of CPU, 20 times the smaller or more"; fail=1; fi
  if [ "$t100" -ge $((LIMIT * 1000)) ]; then echo "FAIL $name: the larger run took over ${LIMIT} s"; fail=1; fi
  # Under valgrind the resident set is memcheck's, which keeps freed blocks
  # from reuse: a streamed stage whose heap stays at 260 KB (massif) shows
  # 160 MB and 840 MB.  Memory is judged on the plain build only.
  # Under sanitizers (HOSTILE_MEMORY=no) ASan's quarantine does the same.
  [ -n "${VALGRIND:-}" ] && mem=unjudged
  [ "${HOSTILE_MEMORY:-yes}" = no ] && mem=unjudged
  case $mem in
    unjudged) ;;
    input) if [ "$k100" -ge $((20 * k10)) ]; then echo "FAIL $name: peak memory ${k100} KB, 20 times the smaller run's or more"; fail=1; fi ;;
    row) if [ "$k100" -ge $((2 * k10)) ]; then echo "FAIL $name: peak memory ${k100} KB grew with the input (${k10} KB at a tenth); it should hold a row at a time"; fail=1; fi ;;
    *) echo "scale_case: MEMORY must be input or row"; exit 99 ;;
  esac
  if [ "$l100" -gt $((factor * l10)) ]; then echo "FAIL $name: the larger run printed $l100 lines, more than $factor times the smaller"; fail=1; fi
  # check_NAME DIR N, when defined, looks at what the larger run wrote
  if declare -F "check_${name//-/_}" >/dev/null; then
    "check_${name//-/_}" "$work/$name-large" "$(cat "$work/$name-large/run.n")" || fail=1
  fi
  rm -rf "$work/$name-small" "$work/$name-large"   # the inputs reach gigabytes at 100x
}
