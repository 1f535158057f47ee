#!/bin/bash
# tests/hostile/linear-xml.sh: extract over a sparse XML table of 200
# columns and 3,000 rows of two cells (tests/hostile/stalls.sh), at a tenth
# of HOSTILE_SCALE and at HOSTILE_SCALE times that size in one run.
. "$top_srcdir/tests/hostile/scale.sh"
. "$top_srcdir/tests/hostile/stalls.sh"

#          name       1x      exit lines memory  command
scale_case xml-table  3000    0    1     input   extract -o out.csv in.xml
exit $fail
