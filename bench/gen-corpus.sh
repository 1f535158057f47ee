#!/bin/bash
# bench/gen-corpus.sh OUTDIR N SOURCE...
#
# Writes N documents into OUTDIR for the extraction benchmark: each is one
# of the SOURCE texts (round robin) with its catalyst metals swapped and
# its numbers varied, deterministically (document i always reads the
# same), so that extraction does real work on text it has not seen.
set -eu
out=$1; n=$2; shift 2
[ $# -gt 0 ] || { echo "usage: gen-corpus.sh OUTDIR N SOURCE..." >&2; exit 2; }
mkdir -p "$out"
srcs=("$@")
i=0
while [ $i -lt "$n" ]; do
  src=${srcs[$((i % ${#srcs[@]}))]}
  case $src in *.xml) ext=xml ;; *.md) ext=md ;; *) ext=txt ;; esac
  awk -v seed="$i" '
    BEGIN {
      split("Ru Co Fe Ni Mo Rh", m, " ")
      a = m[seed % 6 + 1]; b = m[(seed + 3) % 6 + 1]
      f = 0.8 + (seed % 9) / 20.0
    }
    {
      line = $0
      # swap two metals (through a placeholder, so the swap is a swap)
      gsub(/Ru/, "\001", line); gsub(/Co/, "Ru", line); gsub(/\001/, "Co", line)
      if (seed % 2) { gsub(/Ru/, a, line) }
      # vary decimal numbers: scale the digits after the point
      out = ""
      while (match(line, /[0-9]+\.[0-9]+/)) {
        v = substr(line, RSTART, RLENGTH) * f
        d = RLENGTH - index(substr(line, RSTART, RLENGTH), ".")
        out = out substr(line, 1, RSTART - 1) sprintf("%." d "f", v)
        line = substr(line, RSTART + RLENGTH)
      }
      print out line
    }' "$src" > "$out/doc$(printf '%05d' $i).$ext"
  i=$((i + 1))
done
