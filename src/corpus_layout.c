/*
 * corpus_layout.c: the paths of a corpus's parts (see corpus_layout.h).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "corpus_layout.h"
#include "util.h"

/* ROOT/DIR/KEY.EXT, each part optional; an empty root is the current folder. */
static char *join(const char *root, const char *dir, const char *key, const char *ext)
{
	struct buf b = BUF_INIT;
	const char *sep = root[0] ? "/" : "";
	buf_addstr(&b, root);
	if (dir) {
		buf_printf(&b, "%s%s", sep, dir);
		sep = "/";
	}
	if (key)
		buf_printf(&b, "%s%s", sep, key);
	if (ext)
		buf_printf(&b, ".%s", ext);
	return buf_detach(&b, NULL);
}

char *corpus_entries_dir(const char *root)
{
	return join(root, CORPUS_ENTRIES, NULL, NULL);
}

char *corpus_entries_path(const char *root, const char *key)
{
	return join(root, CORPUS_ENTRIES, key, "csv");
}

char *corpus_refs_path(const char *root, const char *key)
{
	return join(root, CORPUS_REFS, key, "csv");
}

char *corpus_paper_path(const char *root, const char *key, const char *ext)
{
	return join(root, CORPUS_PAPERS, key, ext);
}

char *corpus_waivers_path(const char *root)
{
	return join(root, NULL, "waivers.txt", NULL);
}

char *corpus_lock_path(const char *root)
{
	return join(root, NULL, ".lock", NULL);
}

int corpus_split_entries_path(const char *path, char **root, char **key)
{
	const char *base = strrchr(path, '/'), *dir, *dot;
	size_t n = strlen(CORPUS_ENTRIES);
	if (!base)
		return -1;
	/* the folder's name ends just before base */
	dir = base;
	while (dir > path && dir[-1] != '/')
		dir--;
	if ((size_t)(base - dir) != n || memcmp(dir, CORPUS_ENTRIES, n) != 0)
		return -1;
	base++;
	dot = strrchr(base, '.');
	if (!dot || dot == base || !str_eq(dot, ".csv"))
		return -1;
	*root = dir == path ? xstrdup("") : xstrndup(path, (size_t)(dir - path - 1));
	if (!**root) {          /* "/entries/x.csv" */
		free(*root);
		*root = xstrdup("/");
	}
	*key = xstrndup(base, (size_t)(dot - base));
	return 0;
}

/*
 * The corpus that holds the file path, written as ROOT/entries/KEY.csv,
 * when ROOT is a corpus folder (it has an entries/ folder); else NULL.
 */
static char *corpus_root_of(const char *path)
{
	char *root, *key, *entries;
	struct stat st;
	int ok;
	if (corpus_split_entries_path(path, &root, &key) < 0)
		return NULL;
	free(key);
	entries = join(root, CORPUS_ENTRIES, NULL, NULL);
	ok = stat(entries, &st) == 0 && S_ISDIR(st.st_mode);
	free(entries);
	if (!ok) {
		free(root);
		return NULL;
	}
	return root;
}

char *corpus_lock_path_for(const char *path)
{
	struct stat st;
	char *root;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
		return NULL;
	if ((root = corpus_root_of(path)) != NULL) {
		char *lp = corpus_lock_path(root);
		free(root);
		return lp;
	}
	return join(path, NULL, NULL, "lock");
}

/* 1 when dir is a corpus folder: it has papers/ or entries/. */
static int is_corpus(const char *dir)
{
	static const char *const parts[] = { CORPUS_PAPERS, CORPUS_ENTRIES };
	size_t i;
	for (i = 0; i < ARRAY_SIZE(parts); i++) {
		char *p = join(dir, parts[i], NULL, NULL);
		struct stat st;
		int ok = stat(p, &st) == 0 && S_ISDIR(st.st_mode);
		free(p);
		if (ok)
			return 1;
	}
	return 0;
}

char *corpus_find(void)
{
	const char *ceiling = getenv("NH3CAT_CEILING_DIR");
	struct stat ceil_st, here, up;
	struct buf base = BUF_INIT;   /* "", "..", "../.." ... */
	int have_ceiling = ceiling && *ceiling && stat(ceiling, &ceil_st) == 0;
	char *found = NULL;
	unsigned depth;

	for (depth = 0; depth < 256; depth++) {
		char *cand = join(base.len ? buf_str(&base) : "", CORPUS_DIR, NULL, NULL);
		char *dot = join(base.len ? buf_str(&base) : ".", NULL, NULL, NULL);
		char *parent;
		int top;
		if (is_corpus(cand)) {
			found = cand;
			free(dot);
			break;
		}
		free(cand);
		parent = join(base.len ? buf_str(&base) : ".", "..", NULL, NULL);
		/* Stop at the root (its parent is itself) and at the ceiling. */
		top = stat(dot, &here) < 0 || stat(parent, &up) < 0 ||
		      (here.st_dev == up.st_dev && here.st_ino == up.st_ino) ||
		      (have_ceiling && here.st_dev == ceil_st.st_dev && here.st_ino == ceil_st.st_ino);
		free(dot);
		free(parent);
		if (top)
			break;
		buf_addstr(&base, base.len ? "/.." : "..");
	}
	buf_release(&base);
	return found;
}
