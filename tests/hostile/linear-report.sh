#!/bin/bash
# tests/hostile/linear-report.sh: a report grouped by catalyst over 20,000
# entries (tests/hostile/stalls.sh), at a tenth of HOSTILE_SCALE and at
# HOSTILE_SCALE times that size in one run.
. "$top_srcdir/tests/hostile/scale.sh"
. "$top_srcdir/tests/hostile/stalls.sh"

#          name       1x      exit lines memory  command
scale_case report     20000   0    1     input   report bycat.xml -o out.pdf in.csv
exit $fail
