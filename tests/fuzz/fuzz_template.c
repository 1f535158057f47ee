/*
 * fuzz_template.c: fuzz target of the report template parser
 * (report_template_load: XML, RELAX NG check, compile).  The parser reads
 * a path, so each input goes into an in-memory file named through
 * /proc/self/fd.  Property: a template that loads has a name for each
 * chart.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fuzz.h"
#include "report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int fd = -1;
	static char path[64];
	struct report_template *t;
	size_t i;

	if (fd < 0) {
		fd = memfd_create("fuzz-template", 0);
		FUZZ_ASSERT(fd >= 0);
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	}
	FUZZ_ASSERT(ftruncate(fd, 0) == 0);
	FUZZ_ASSERT(pwrite(fd, data, size, 0) == (ssize_t)size);
	t = report_template_load(path);
	if (t) {
		for (i = 0; i < report_template_nchart(t); i++)
			FUZZ_ASSERT(report_template_chart_id(t, i) != NULL);
		report_template_free(t);
	}
	return 0;
}
