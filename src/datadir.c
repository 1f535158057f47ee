/*
 * datadir.c: finding nh3cat's data files, installed or in the source
 * tree (see datadir.h).
 */
#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "datadir.h"
#include "util.h"

#ifndef NH3CAT_PKGDATADIR
#define NH3CAT_PKGDATADIR "/usr/local/share/nh3cat"
#endif
#ifndef NH3CAT_BUILDDIR
#define NH3CAT_BUILDDIR ""
#endif
#ifndef NH3CAT_SRCDIR
#define NH3CAT_SRCDIR ""
#endif

static int is_file(const char *dir, const char *rel)
{
	struct buf b = BUF_INIT;
	struct stat st;
	int ok;
	buf_printf(&b, "%s/%s", dir, rel);
	ok = stat(b.data, &st) == 0 && S_ISREG(st.st_mode);
	buf_release(&b);
	return ok;
}

static int same_dir(const char *a, const char *b)
{
	struct stat x, y;
	return *a && *b && stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev &&
	       x.st_ino == y.st_ino;
}

/* The data folder (see datadir.h); a static string. */
static const char *data_dir(void)
{
	static char exe_dir[PATH_MAX];
	const char *env = getenv("NH3CAT_DATADIR");
	ssize_t n;
	char *slash;

	if (env && *env)
		return env;
	n = readlink("/proc/self/exe", exe_dir, sizeof(exe_dir) - 1);
	if (n > 0) {
		exe_dir[n] = '\0';
		if ((slash = strrchr(exe_dir, '/')) != NULL) {
			*slash = '\0';
			if (is_file(exe_dir, "templates/report.rng"))
				return exe_dir;
			if (same_dir(exe_dir, NH3CAT_BUILDDIR) && is_file(NH3CAT_SRCDIR, "templates/report.rng"))
				return NH3CAT_SRCDIR;
		}
	}
	return NH3CAT_PKGDATADIR;
}

char *data_find(const char *rel)
{
	const char *dir = data_dir();
	struct buf b = BUF_INIT;
	if (!is_file(dir, rel))
		return NULL;
	buf_printf(&b, "%s/%s", dir, rel);
	return buf_detach(&b, NULL);
}
