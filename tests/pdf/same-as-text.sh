#!/bin/bash
# A text paper typeset as a PDF (tests/pdf/mkpdf: cairo and Pango, two
# columns, sub- and superscripts, tables ruled and unruled, hyphenation,
# running heads, page and line numbers, a figure with axis labels) reads
# back as the same document and gives the same entries as the text: the
# --dump structure and the entries CSV are equal but for the locators
# (p3:L12 against L205); a header whose scripts wrap onto a line of their
# own, and a margin box beside the title and abstract, read as the same
# document.  The review typeset the same way scores
# F1 >= 0.95 against its curated entries.
set -u
. "$top_srcdir/tests/setup.sh"
: "${NH3CAT:?}"
MKPDF=${MKPDF:-$(dirname "$NH3CAT")/tests/pdf/mkpdf}
work=$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-pdf.XXXXXX")
trap 'rm -rf "$work"' EXIT
fail=0

# locators blanked: the dump's "L12"/"p3:L12", the CSV's fourth column
strip_dump() { sed -E 's/^([a-z]+) (p[0-9]+:)?L[0-9]+/\1/'; }
strip_csv() { sed -E 's/^([^,]*,[^,]*,[^,]*,)[^,]*,/\1,/'; }

same_doc() { # name text-file mkpdf-options...: the same --dump; 1 when mkpdf fails
  local name=$1 txt=$2
  shift 2
  "$MKPDF" "$@" "$txt" "$work/$name.pdf" || { echo "FAIL $name: mkpdf $*"; fail=1; return 1; }
  $VALGRIND "$NH3CAT" extract --dump "$txt" | strip_dump > "$work/$name.text.dump"
  $VALGRIND "$NH3CAT" extract --dump "$work/$name.pdf" | strip_dump > "$work/$name.pdf.dump"
  if ! diff -u "$work/$name.text.dump" "$work/$name.pdf.dump"; then
    echo "FAIL $name ($*): the PDF's document differs from the text's"; fail=1
  fi
}

same() { # name text-file mkpdf-options...: the same --dump and entries
  local name=$1 txt=$2
  same_doc "$@" || return
  shift 2
  $VALGRIND "$NH3CAT" extract --doc "$name" -o "$work/$name.text.csv" "$txt"
  $VALGRIND "$NH3CAT" extract --doc "$name" -o "$work/$name.pdf.csv" "$work/$name.pdf"
  rows=$(($(wc -l < "$work/$name.text.csv") - 1))
  [ "$rows" -ge 10 ] || { echo "FAIL $name: only $rows entries from the text"; fail=1; }
  if ! diff -u <(strip_csv < "$work/$name.text.csv") <(strip_csv < "$work/$name.pdf.csv"); then
    echo "FAIL $name ($*): the PDF's entries differ from the text's"; fail=1
  fi
  grep -q ',p[0-9]*:L[0-9]*,' "$work/$name.pdf.csv" ||
    { echo "FAIL $name: no p3:L12 locators in the PDF's entries"; fail=1; }
}

src=$top_srcdir/tests/pdf/two-column.txt
same two-column-unruled "$src" --hyphenate --line-numbers
same two-column-ruled "$src" --ruled
same one-column-ruled "$src" --columns 1 --ruled --hyphenate

# A table header whose cells wrap word by word: "g_{Ru}⁻¹" stands on a line
# of its own, mostly scripts, and keeps its marks.
same_doc wrapped-scripts "$top_srcdir/tests/pdf/wrapped-scripts.txt"
grep -q 'g_{Ru}⁻¹' "$work/wrapped-scripts.pdf.dump" ||
  { echo "FAIL wrapped-scripts: g_{Ru}⁻¹ lost its marks"; fail=1; }

# A journal's margin box (citation, dates, licence) beside the title and
# abstract: its lines are read before them, not line by line with them.
same_doc side-box "$top_srcdir/tests/pdf/side-box.txt" --side-box 8

# The review: every fact the text gives, nearly, from its PDF.
review=$top_srcdir/corpus/papers/peng2024-chemsci-review.txt
"$MKPDF" --hyphenate "$review" "$work/review.pdf" || { echo "FAIL: mkpdf review"; exit 1; }
$VALGRIND "$NH3CAT" extract -o "$work/review.csv" "$work/review.pdf" ||
  { echo "FAIL: extract review.pdf"; fail=1; }
if ! "$NH3CAT" score --min-f1 0.95 "$top_srcdir/corpus/entries/peng2024-chemsci-review.csv" \
     "$work/review.csv" > "$work/score.out"; then
  echo "FAIL: the review's PDF scores below F1 0.95"; tail -3 "$work/score.out"; fail=1
fi
tail -1 "$work/score.out"
exit $fail
