#!/bin/bash
# tests/hostile/linear-rules.sh: validate with a rules file and with a
# waiver file of 100,000 lines (tests/hostile/stalls.sh), each at a tenth
# of HOSTILE_SCALE and at HOSTILE_SCALE times that size in one run.
. "$top_srcdir/tests/hostile/scale.sh"
. "$top_srcdir/tests/hostile/stalls.sh"

#          name       1x      exit lines memory  command
scale_case topics     100000  0    1     input   validate --rules in.rules in.csv
scale_case waivers    100000  0    20    input   validate --waivers in.waivers in.csv
exit $fail
