#!/bin/bash
# tests/corpus/find.sh: a corpus is found, never created by accident.
# nh3cat init starts one; add, validate and report find corpus/ from any
# folder below it, as git finds .git; add where there is none is an error
# that says how to start one, and creates nothing.
set -u
: "${NH3CAT:?NH3CAT must name the nh3cat binary}"
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../setup.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-find.XXXXXX")
trap 'rm -rf "$work"' EXIT
export NH3CAT_CEILING_DIR=$work
cd "$work" || exit 99
fail=0
bad() { echo "FAIL: $*"; fail=1; }

printf 'The Ru/MgO catalyst gave an NH3 synthesis rate of 4.3 mmol g-1 h-1 at 400 °C and 1 MPa.\n' > p.txt
mkdir -p lab/notes/deep outside
(cd lab && "$NH3CAT" init > ../out 2> ../err) || { bad "init failed"; cat err; }
for d in papers entries refs; do [ -d lab/corpus/$d ] || bad "init made no corpus/$d"; done
(cd lab && "$NH3CAT" init > /dev/null 2>&1) || bad "init of an existing corpus failed"

# From a folder two levels below the corpus.
(cd lab/notes/deep && "$NH3CAT" add ../../../p.txt > ../../../out 2> ../../../err); rc=$?
[ $rc = 0 ] || { bad "add from below the corpus: exit $rc"; cat err; }
grep -q '^\.\./\.\./corpus/papers/p.txt: added$' out || { bad "add did not use ../../corpus"; cat out; }
[ -f lab/corpus/entries/p.csv ] || bad "no entries written into the corpus found above"
[ -e lab/notes/deep/corpus ] && bad "add created a corpus where it ran"
(cd lab/notes && "$NH3CAT" validate > ../../out 2> ../../err); rc=$?
[ $rc = 0 ] || { bad "validate from below the corpus: exit $rc"; cat err; }
grep -q 'validated 1 entries in 1 file' err || { bad "validate did not read the corpus above"; cat err; }

# Outside any corpus.
(cd outside && "$NH3CAT" add ../p.txt > ../out 2> ../err); rc=$?
[ $rc = 2 ] || bad "add outside a corpus: exit $rc, expected 2"
grep -q "no corpus here or in any folder above.*nh3cat init.*--corpus DIR" err ||
  { bad "the error does not say how to start a corpus"; cat err; }
[ -e outside/corpus ] && bad "add outside a corpus created one"
(cd outside && "$NH3CAT" validate > ../out 2> ../err); rc=$?
[ $rc = 2 ] || bad "validate outside a corpus: exit $rc, expected 2"

[ $fail = 0 ] && echo "PASS find: init, add and validate find corpus/ above; add outside one is an error"
exit $fail
