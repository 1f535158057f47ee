/*
 * ingest.c: the table of readers, and reading a file with the reader its
 * name calls for.  A new reader (XML) adds its descriptor to readers[].
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "ingest.h"

static const struct reader *const readers[] = { &reader_text, &reader_xml, &reader_pdf };

const struct reader *ingest_find_reader(const char *path)
{
	size_t i, k;
	for (i = 0; i < ARRAY_SIZE(readers); i++)
		for (k = 0; readers[i]->exts[k]; k++)
			if (str_endswith(path, readers[i]->exts[k]))
				return readers[i];
	return NULL;
}

char *ingest_key_from_path(const char *path)
{
	const char *base = strrchr(path, '/');
	const char *dot;
	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	if (!dot || dot == base)
		return xstrdup(base);
	return xstrndup(base, (size_t)(dot - base));
}

struct document *ingest_data(const char *path, const char *key, const char *data, size_t len,
			     struct diag *d)
{
	const struct reader *r = ingest_find_reader(path);
	struct document *doc;
	char *k = NULL;
	if (!r)
		r = &reader_text;
	if (!key)
		key = k = ingest_key_from_path(path);
	doc = r->read(path, key, data, len, d);
	free(k);
	return doc;
}

struct document *ingest_file(const char *path, const char *key, struct diag *d)
{
	struct document *doc;
	size_t len;
	char *data = file_read_all(path, &len);
	if (!data)
		return NULL;
	doc = ingest_data(path, key, data, len, d);
	free(data);
	return doc;
}
