/*
 * replay.c: run every saved input of one fuzz target through it, without
 * libFuzzer: the seed corpus tests/fuzz/corpus/TARGET/ and the inputs that
 * once crashed it, tests/fuzz/regress/TARGET/.  Built once per target
 * (FUZZ_TARGET names it), run by make check; extra arguments are more
 * files or folders to replay.
 */
#include <config.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "fuzz.h"
#include "util.h"

static size_t replayed;

static int replay_file(const char *path)
{
	size_t len;
	char *data = file_read_all(path, &len);
	if (!data)
		return -1;
	/* Named first, so that a crash shows which input it was. */
	printf("  %s\n", path);
	fflush(stdout);
	LLVMFuzzerTestOneInput((const uint8_t *)data, len);
	free(data);
	replayed++;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every file of a folder, in name order; a missing folder is empty. */
static int replay_path(const char *path, int must_exist)
{
	struct stat st;
	DIR *dp;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, alloc = 0, i;
	int rc = 0;

	if (stat(path, &st) < 0)
		return must_exist ? error("%s: no such file or folder", path) : 0;
	if (!S_ISDIR(st.st_mode))
		return replay_file(path);
	dp = opendir(path);
	if (!dp)
		return error("%s: cannot open the folder", path);
	while ((de = readdir(dp)) != NULL) {
		struct buf b = BUF_INIT;
		if (de->d_name[0] == '.')
			continue;
		buf_printf(&b, "%s/%s", path, de->d_name);
		names = xgrow(names, &alloc, n + 1, sizeof(char *));
		names[n++] = buf_detach(&b, NULL);
	}
	closedir(dp);
	qsort(names, n, sizeof(char *), cmp_str);
	for (i = 0; i < n; i++) {
		if (replay_file(names[i]) < 0)
			rc = -1;
		free(names[i]);
	}
	free(names);
	return rc;
}

int main(int argc, char **argv)
{
	static const char *const kinds[] = { "corpus", "regress" };
	size_t k, before;
	int i, rc = 0;

	for (k = 0; k < ARRAY_SIZE(kinds); k++) {
		struct buf b = BUF_INIT;
		buf_printf(&b, "%s/tests/fuzz/%s/%s", SRCDIR, kinds[k], FUZZ_TARGET);
		before = replayed;
		if (replay_path(b.data, 0) < 0)
			rc = 1;
		printf("%s: %zu inputs from tests/fuzz/%s/%s\n", argv[0], replayed - before,
		       kinds[k], FUZZ_TARGET);
		buf_release(&b);
	}
	for (i = 1; i < argc; i++)
		if (replay_path(argv[i], 1) < 0)
			rc = 1;
	if (replayed == 0) {
		fprintf(stderr, "%s: no input to replay\n", argv[0]);
		rc = 1;
	}
	return rc;
}
