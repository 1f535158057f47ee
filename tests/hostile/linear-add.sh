#!/bin/bash
# tests/hostile/linear-add.sh: add --from of 18,000 new rows onto 18,000
# reviewed ones (tests/hostile/stalls.sh), at a tenth of HOSTILE_SCALE and
# at HOSTILE_SCALE times that size in one run: every old row kept, every
# new one added.
. "$top_srcdir/tests/hostile/scale.sh"
. "$top_srcdir/tests/hostile/stalls.sh"

# 18,000 rather than the 20,000 that stalled: at 100x, 20,000 would store 2.2
# million rows (274 MB), over the 256 MiB that nh3cat reads back, which add
# rightly refuses (tests/corpus/write-limit.sh); 1.98 million rows stay under.
#          name       1x      exit lines memory  command
scale_case add-from   18000   0    1     input   add k.txt --from new.csv
exit $fail
