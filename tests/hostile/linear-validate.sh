#!/bin/bash
# tests/hostile/linear-validate.sh: validate over 8,000 identical rows and
# over 10,000 rows of one catalyst (tests/hostile/stalls.sh), each at a
# tenth of HOSTILE_SCALE and at HOSTILE_SCALE times that size in one run
# (scale.sh says what a case must keep to); then rows of one catalyst with
# their rules and without, whose peaks must stay within 1.25 times each
# other: validate does not hold its findings.
. "$top_srcdir/tests/hostile/scale.sh"
. "$top_srcdir/tests/hostile/stalls.sh"

#          name       1x      exit lines memory  command
scale_case identical  8000    1    1     input   validate in.csv
scale_case catalyst   10000   1    20    input   validate in.csv
findings_case
exit $fail
