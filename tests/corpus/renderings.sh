#!/bin/bash
# tests/corpus/renderings.sh: the review's two renderings in the corpus,
# text (corpus/papers/peng2024-chemsci-review.txt) and JATS XML (-jats.xml),
# give the same table-versus-text findings: the reference numbers Table 1
# prints against those the prose cites (ref-mismatch), and against the
# titles of the reference list (ref-title).  Each entries file is checked
# against its own rendering and against the other one (--paper), so a
# finding that depends on the rendering, not on the paper, shows up here.
set -u
. "$top_srcdir/tests/setup.sh"
: "${NH3CAT:?}"
c=$top_srcdir/corpus
text=$c/entries/peng2024-chemsci-review.csv
jats=$c/entries/peng2024-chemsci-review-jats.csv
work=$(mktemp -d "${TMPDIR:-/tmp}/nh3cat-renderings.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The findings, without the line numbers and locators that differ.
findings() {
  ${VALGRIND:-} "$NH3CAT" validate "$@" 2>&1 >/dev/null |
    sed -n "s/.*\[ref-mismatch\] \(the table cites ref\. [0-9;]* for '[^']*', the text cites [0-9;]*\).*/\1/p
            s/.*\[ref-title\] \(ref\. [0-9;]* cited for '[^']*'\).*/\1: title shares no word/p" | sort
}
findings "$text" > "$work/text"
findings "$jats" > "$work/jats"
findings --paper "$c/papers/peng2024-chemsci-review-jats.xml" "$text" > "$work/text-on-jats"
findings --paper "$c/papers/peng2024-chemsci-review.txt" "$jats" > "$work/jats-on-text"
fail=0
if ! grep -q 'the text cites' "$work/text"; then
  echo "FAIL: no table-versus-text finding on the text rendering"; fail=1
fi
for f in jats text-on-jats jats-on-text; do
  if ! diff -u "$work/text" "$work/$f"; then
    echo "FAIL: the findings on $f differ from those on the text rendering"; fail=1
  fi
done
[ $fail -eq 0 ] && { echo "PASS: the same $(wc -l < "$work/text") table-versus-text findings on both renderings:"; cat "$work/text"; }
exit $fail
