#!/bin/bash
# tests/hostile/linear-report.sh: a report grouped by catalyst over 20,000
# entries, and the findings of a report over 2,000 entries files, in a
# folder and named one by one (tests/hostile/stalls.sh), at a tenth of
# HOSTILE_SCALE and at HOSTILE_SCALE times that size in one run.
. "$top_srcdir/tests/hostile/scale.sh"
. "$top_srcdir/tests/hostile/stalls.sh"

#          name       1x      exit lines memory  command
scale_case report     20000   0    1     input   report bycat.xml -o out.pdf in.csv
# Files of findings at 10x at most: at 100x they would be 200,000 files
# (800 MB of disk blocks, and 15 minutes under valgrind), and 10x shows
# the quadratic (files x findings: 36 times the CPU of 1x, 9 s).
[ "$SCALE" -le 10 ] || HOSTILE_SIZES="report-files=10 report-args=10 ${HOSTILE_SIZES:-}"
scale_case report-files 2000  0  1     input   report findings.xml -o out.pdf --layout c
scale_case report-args  2000  0  1     input   report findings.xml -o out.pdf --layout
exit $fail
