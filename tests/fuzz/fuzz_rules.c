/*
 * fuzz_rules.c: fuzz target of the rules-file parser (rules_parse) and of
 * the waivers-file parser (waivers_parse).  Property: a rules file that
 * parses leaves every rule with a known severity.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fuzz.h"
#include "rules.h"

static void drop_diag(void *ctx, const struct diag_item *item)
{
	(void)ctx;
	(void)item;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag *d = diag_new_collect(drop_diag, NULL);
	struct rules *r = rules_new();
	struct waivers *w = waivers_new();
	int i;

	if (rules_parse(r, "fuzz.rules", (const char *)data, size, d) == 0)
		for (i = 0; i < RULE_COUNT; i++)
			FUZZ_ASSERT(r->sev[i] == RULE_OFF || r->sev[i] == DIAG_ERROR ||
				    r->sev[i] == DIAG_WARNING || r->sev[i] == DIAG_NOTE);
	(void)rules_is_topic(r, "ammonia", 7);
	waivers_parse(w, "fuzz.waivers", (const char *)data, size, d);
	waivers_free(w);
	rules_free(r);
	diag_free(d);
	return 0;
}
