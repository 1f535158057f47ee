#!/bin/bash
# Every document and gold file of tests/real is listed in mk/real.am (REAL_DOCS,
# REAL_GOLD), so that it is distributed (make distcheck); a document added
# without its line, or a line left behind for a removed document, is caught
# by make check rather than by a tarball that lacks it.  Every document also
# has its SOURCES line (source and licence) and its gold file.
set -u
. "$top_srcdir/tests/setup.sh"
dir=$top_srcdir/tests/real
am=$top_srcdir/mk/real.am
[ -r "$am" ] || { echo "FAIL: cannot read $am"; exit 1; }
listed=$(sed -n 's/^[[:space:]]*\(tests\/real\/[^[:space:]\\]*\).*/\1/p' "$am" | sort -u)
present=$(cd "$top_srcdir" && ls tests/real/*.txt tests/real/*.md tests/real/*.xml \
            tests/real/*.nxml tests/real/pdf/*.pdf tests/real/gold/*.gold.csv 2>/dev/null | sort -u)
[ -n "$present" ] || { echo "FAIL: no documents found under $dir"; exit 1; }
fail=0
missing=$(comm -13 <(echo "$listed") <(echo "$present"))
stale=$(comm -23 <(echo "$listed") <(echo "$present"))
[ -z "$missing" ] || { echo "FAIL: in tests/real but not listed in mk/real.am:"; echo "$missing"; fail=1; }
[ -z "$stale" ] || { echo "FAIL: listed in mk/real.am but not in tests/real:"; echo "$stale"; fail=1; }
for f in $(echo "$present" | grep -v -e '/gold/' -e '/README.md$'); do
  base=${f#tests/real/}
  key=$(basename "$f"); key=${key%.*}
  grep -qF "$base |" "$dir/SOURCES" || { echo "FAIL: $f has no line in tests/real/SOURCES"; fail=1; }
  [ -e "$dir/gold/$key.gold.csv" ] || { echo "FAIL: $f has no gold file gold/$key.gold.csv"; fail=1; }
done
[ $fail = 0 ] && echo "tests/real: $(echo "$present" | grep -v -e '/gold/' -e '/README.md$' | grep -c .) documents, all listed, each with SOURCES and gold"
exit $fail
