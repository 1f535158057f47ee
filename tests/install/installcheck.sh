#!/bin/bash
# tests/install/installcheck.sh: smoke test of an installed nh3cat (make
# installcheck).  From an empty folder far from the source tree: the
# program runs, has its manual page, starts a corpus, adds a paper,
# validates it, and renders a report from an installed template by name.
#   NH3CAT  the installed program    MANDIR  the installed man folder
#   DATADIR its installed data       DESTDIR set for a staged install
set -u
: "${NH3CAT:?NH3CAT must name the installed nh3cat}"
: "${MANDIR:?MANDIR must name the installed man folder}"
export LC_ALL=C TZ=UTC
# A staged install (DESTDIR) is not where the program looks: point it there.
[ -n "${DESTDIR:-}" ] && export NH3CAT_DATADIR=$DATADIR
work=$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-installcheck.XXXXXX")
trap 'rm -rf "$work"' EXIT
export NH3CAT_CEILING_DIR=$work
cd "$work" || exit 99
fail=0
bad() { echo "FAIL: $*"; fail=1; }

"$NH3CAT" --version | grep -q '^nh3cat ' || bad "nh3cat --version"
[ -f "$MANDIR/man1/nh3cat.1" ] || bad "no manual page in $MANDIR/man1"
if [ -f "$MANDIR/man1/nh3cat.1" ] && command -v man > /dev/null; then
  man -l "$MANDIR/man1/nh3cat.1" 2> /dev/null | grep -q 'nh3cat add' || bad "the manual page does not render"
fi
mkdir lab && cd lab || exit 99
"$NH3CAT" init > /dev/null || bad "nh3cat init"
printf 'Catalysts\n\nThe Ru/MgO catalyst gave an NH3 synthesis rate of 4.3 mmol g-1 h-1 at 400 °C and 1 MPa.\n' > paper.txt
"$NH3CAT" add paper.txt > out 2> err || { bad "nh3cat add"; cat err; }
grep -q 'corpus/entries/paper.csv: written: 1 new' out || { bad "add wrote no entry"; cat out; }
"$NH3CAT" validate > out 2> err
[ $? -le 1 ] || { bad "nh3cat validate"; cat err; }
"$NH3CAT" report overview -o overview.pdf > out 2> err || { bad "nh3cat report overview (installed template)"; cat err; }
[ -s overview.pdf ] || bad "no overview.pdf"
head -c 5 overview.pdf | grep -q '%PDF-' || bad "overview.pdf is not a PDF"
[ $fail = 0 ] && echo "PASS installcheck: $NH3CAT runs, with its manual page and templates"
exit $fail
