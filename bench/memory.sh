#!/bin/bash
# bench/memory.sh NH3CAT SRCDIR N...: the memory an entry costs.  Generates
# the shapes of tests/hostile/stalls.sh (identical rows, rows of one
# catalyst, a report grouped by catalyst, add --from of N old and N new
# rows) at each N rows and prints the peak resident set and the CPU time
# of one run of nh3cat on each (/usr/bin/time -f '%M %U %S'), then the
# bytes an entry costs between the first N and the last.
set -u
NH3CAT=$1 top_srcdir=$2
shift 2
export NH3CAT top_srcdir LC_ALL=C
work=$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-memory.XXXXXX")
trap 'rm -rf "$work"' EXIT
# the generators of the scale tests
. "$top_srcdir/tests/hostile/stalls.sh"
for c in identical catalyst report add-from; do
  first="" firstn=""
  for n in "$@"; do
    d=$work/$c-$n
    mkdir -p "$d"
    case $c in
      identical) gen_identical "$n" "$d"; cmd="validate in.csv" ;;
      catalyst) gen_catalyst "$n" "$d"; cmd="validate in.csv" ;;
      report) gen_report "$n" "$d"; cmd="report bycat.xml -o out.pdf in.csv" ;;
      add-from) gen_add_from "$n" "$d"; cmd="add k.txt --from new.csv" ;;
    esac
    # shellcheck disable=SC2086
    (cd "$d" && /usr/bin/time -f '%M %U %S' -o time "$NH3CAT" $cmd >/dev/null 2>&1)
    read -r kb user sys < <(tail -1 "$d/time")
    printf '%-10s %9d rows: peak %8d KB, CPU %s s\n' "$c" "$n" "$kb" "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
    if [ -z "$first" ]; then first=$kb firstn=$n; else
      printf '%-10s %s bytes an entry from %d to %d rows\n' "$c" \
        "$(awk -v a="$first" -v b="$kb" -v m="$firstn" -v n="$n" 'BEGIN { printf "%.0f", (b - a) * 1024 / (n - m) }')" "$firstn" "$n"
    fi
    rm -rf "$d"
  done
done
