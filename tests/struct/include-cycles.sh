#!/bin/bash
# tests/struct/include-cycles.sh [SRCDIR]
#
# Dependencies between the modules of src/ point one way.  A module is
# NAME.c with NAME.h; a header with no NAME.c of its own (a header of shared
# types, such as report_int.h) is a node of its own.  Module A depends on
# module B when A.c or A.h has `#include "B.h"`.  The test fails, printing
# each loop, when the graph has a cycle: a driver whose parts call back into
# it shares their header, so the parts' helpers belong in a file of their own
# below both.
#
# It also fails when a header with no NAME.c of its own declares a function
# or extern data: such a header would hide whose the functions are, and so
# hide a loop from the walk above.
set -eu
src=${1:-${top_srcdir:-.}}/src

# First, that the walk sees a loop: a.c includes b.h, b.c includes a.h.
if [ -z "${INCLUDE_CYCLES_INNER:-}" ]; then
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/include-cycles.XXXXXX")
	trap 'rm -rf "$tmp"' EXIT
	mkdir "$tmp/src"
	printf '#include "b.h"\n' > "$tmp/src/a.c"; : > "$tmp/src/a.h"
	printf '#include "a.h"\n' > "$tmp/src/b.c"; : > "$tmp/src/b.h"
	if INCLUDE_CYCLES_INNER=1 bash "$0" "$tmp" > "$tmp/out" 2>&1 ||
	   ! grep -q 'a -> b -> a' "$tmp/out"; then
		echo "include-cycles.sh: error: the loop a -> b -> a was not found"
		cat "$tmp/out"
		exit 1
	fi
fi
build=$PWD    # make check runs here: generated sources (src/report_rng.c) are in it
cd "$src"

status=0

# Headers without their own .c: types, constants and macros only.
for h in *.h; do
	stem=${h%.h}
	[ -f "$stem.c" ] && continue
	[ -f "$build/src/$stem.c" ] && continue   # made by make (out of tree in distcheck)
	# Strip comments and preprocessor lines, then look for a declaration
	# at the start of a line: `TYPE name(` (a function) or `extern`.
	bad=$(sed -e 's,/\*.*\*/,,g' "$h" | awk '
		/\/\*/ { inc = 1 }
		inc { if (/\*\//) inc = 0; next }
		/^#/ { next }
		/^extern / { print; next }
		/^(typedef|static) / { next }
		/^(struct|enum|union) [A-Za-z0-9_]+ *[{;]/ { next }
		/^[A-Za-z_][A-Za-z0-9_ *]*[ *][A-Za-z_][A-Za-z0-9_]*\(/ { print $0 }
	')
	if [ -n "$bad" ]; then
		echo "src/$h: error: declares functions or data but there is no src/$stem.c;" \
			"declare them in the header of the file that defines them:"
		printf '%s\n' "$bad" | sed 's/^/  /'
		status=1
	fi
done

# The module graph, one edge a line: "A B".
edges=$(for f in *.c *.h; do
	stem=${f%.*}
	sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)\.h".*/\1/p' "$f" |
		while read -r dep; do
			[ "$dep" = "$stem" ] || echo "$stem $dep"
		done
done | sort -u)

# Depth-first search for back edges; each cycle printed once, by its
# smallest rotation.
cycles=$(awk '
	{ adj[$1] = adj[$1] " " $2; node[$1] = 1; node[$2] = 1 }
	function dfs(u,    i, n, a, v, j, s, best, k, cyc) {
		color[u] = 1; stack[++depth] = u
		n = split(adj[u], a, " ")
		for (i = 1; i <= n; i++) {
			v = a[i]
			if (color[v] == 1) {
				for (j = depth; stack[j] != v; j--) ;
				cyc = ""
				for (k = j; k <= depth; k++) cyc = cyc stack[k] " "
				print canon(cyc)
			} else if (color[v] == 0) {
				dfs(v)
			}
		}
		depth--; color[u] = 2
	}
	function canon(c,    m, p, i, k, r, best) {
		m = split(c, p, " ")
		best = ""
		for (i = 1; i <= m; i++) {
			r = ""
			for (k = 0; k < m; k++) r = r p[(i + k - 1) % m + 1] " -> "
			r = r p[i]
			if (best == "" || r < best) best = r
		}
		return best
	}
	END { for (u in node) if (color[u] == 0) dfs(u) }
' <<< "$edges" | sort -u)

if [ -n "$cycles" ]; then
	echo "src: error: include loops between modules (NAME.c + NAME.h):"
	sed 's/^/  /' <<< "$cycles"
	status=1
fi
exit $status
