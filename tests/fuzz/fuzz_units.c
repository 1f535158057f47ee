/*
 * fuzz_units.c: fuzz target of the quantity parser (units_parse, for every
 * role) and of units_scan at every offset.  Properties: a parsed quantity
 * has 1 to QTY_MAX_VALUES finite values and a span inside the text; a
 * scanned one starts where asked and ends inside the text.
 */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "units.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text;
	char err[256];
	struct quantity q;
	size_t i, pos;
	int k;

	if (size > 4096)
		return 0;
	text = xstrndup((const char *)data, size);
	size = strlen(text);
	for (k = QK_NONE; k < QK_NKINDS; k++) {
		memset(&q, 0, sizeof(q));
		if (units_parse(text, (enum quantity_kind)k, &q, err, sizeof(err)) == 0) {
			FUZZ_ASSERT(q.nvalues >= 1 && q.nvalues <= QTY_MAX_VALUES);
			FUZZ_ASSERT(q.nparts <= QTY_MAX_PARTS);
			for (i = 0; i < q.nvalues; i++)
				FUZZ_ASSERT(isfinite(q.values[i]));
		} else {
			FUZZ_ASSERT(memchr(err, '\0', sizeof(err)) != NULL);
		}
	}
	for (pos = 0; pos < size; pos++) {
		memset(&q, 0, sizeof(q));
		if (units_scan(text, size, pos, &q) == 1) {
			FUZZ_ASSERT(q.nvalues >= 1 && q.nvalues <= QTY_MAX_VALUES);
			FUZZ_ASSERT(q.end <= size && q.start <= q.end);
			for (i = 0; i < q.nvalues; i++)
				FUZZ_ASSERT(isfinite(q.values[i]));
		}
	}
	free(text);
	return 0;
}
