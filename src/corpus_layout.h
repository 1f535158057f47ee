/*
 * corpus_layout.h: where a corpus keeps its files, the one place that
 * knows it.
 *
 *   ROOT/papers/KEY.txt|.md|.xml   a source document
 *   ROOT/entries/KEY.csv           its entries
 *   ROOT/refs/KEY.csv              its parsed reference list
 *   ROOT/waivers.txt               findings the curators accept, with reasons
 *   ROOT/.lock                     held by the one writer at work (fileio.h)
 *
 * Every path returned is the caller's to free.
 */
#ifndef NH3CAT_CORPUS_LAYOUT_H
#define NH3CAT_CORPUS_LAYOUT_H

/* The folders of a corpus, and the name a corpus folder has by default. */
#define CORPUS_DIR "corpus"
#define CORPUS_PAPERS "papers"
#define CORPUS_ENTRIES "entries"
#define CORPUS_REFS "refs"

char *corpus_entries_dir(const char *root);
char *corpus_entries_path(const char *root, const char *key);
char *corpus_refs_path(const char *root, const char *key);
char *corpus_paper_path(const char *root, const char *key, const char *ext);
char *corpus_waivers_path(const char *root);
char *corpus_lock_path(const char *root);

/*
 * When path names ROOT/entries/KEY.csv (existing or not), set *root to ROOT
 * ("" for "entries/KEY.csv": the current folder; the path functions above
 * take it) and *key to KEY and return 0; otherwise
 * return -1 and set nothing.  Only the spelling is looked at.
 */
int corpus_split_entries_path(const char *path, char **root /* OUT */, char **key /* OUT */);

/*
 * The lock a writer of the file path takes: its corpus's (ROOT/.lock) when
 * path is ROOT/entries/KEY.csv in a corpus, else "PATH.lock"; NULL when
 * path is a device or a pipe (nothing to keep apart).
 */
char *corpus_lock_path_for(const char *path);

/*
 * The corpus of the working folder, found as git finds .git: the folder
 * corpus/ (one with papers/ or entries/) here or in the nearest folder
 * above; "corpus", "../corpus", "../../corpus" ...  The search stops at the
 * file system's root and at the folder NH3CAT_CEILING_DIR names (for
 * tests).  NULL when there is none.
 */
char *corpus_find(void);

#endif
