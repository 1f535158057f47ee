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
  awk -v seed="$i" -v xml=$([ "$ext" = xml ] && echo 1 || echo 0) '
    BEGIN {
      split("Ru Co Fe Ni Mo Rh", m, " ")
      a = m[seed % 6 + 1]
      f = 0.8 + (seed % 9) / 20.0
    }
    # Vary the text of s: swap two metals (through a placeholder, so the
    # swap is a swap), scale the decimal numbers.
    function vary(s,    out, v, d) {
      gsub(/Ru/, "\001", s); gsub(/Co/, "Ru", s); gsub(/\001/, "Co", s)
      if (seed % 2) { gsub(/Ru/, a, s) }
      out = ""
      while (match(s, /[0-9]+\.[0-9]+/)) {
        v = substr(s, RSTART, RLENGTH) * f
        d = RLENGTH - index(substr(s, RSTART, RLENGTH), ".")
        out = out substr(s, 1, RSTART - 1) sprintf("%." d "f", v)
        s = substr(s, RSTART + RLENGTH)
      }
      return out s
    }
    {
      line = $0
      if (!xml) { print vary(line); next }
      # XML: only the text between tags changes, never the markup.
      out = ""
      while (match(line, /<[^>]*>/)) {
        ts = RSTART; tl = RLENGTH   # vary() runs match() too
        out = out vary(substr(line, 1, ts - 1)) substr(line, ts, tl)
        line = substr(line, ts + tl)
      }
      print out vary(line)
    }' "$src" > "$out/doc$(printf '%05d' $i).$ext"
  i=$((i + 1))
done
