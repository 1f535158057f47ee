/*
 * cmd.h: the subcommands of nh3cat, one struct command per cmd_*.c file.
 *
 * run() gets argv with argv[0] the command's name, and returns an
 * enum exit_status.  main() prints --help for a command from its usage and
 * help text, so handlers only parse their own options.
 */
#ifndef NH3CAT_CMD_H
#define NH3CAT_CMD_H

#include <stdio.h>

struct command {
	const char *name;
	const char *summary;   /* one line for "nh3cat --help" */
	const char *usage;     /* "nh3cat extract [-o OUT.csv] ... FILE..." */
	const char *help;      /* options and details, for "nh3cat CMD --help" */
	int (*run)(int argc, char **argv);
};

extern const struct command cmd_extract;
extern const struct command cmd_validate;
extern const struct command cmd_report;
extern const struct command cmd_add;
extern const struct command cmd_merge;
extern const struct command cmd_score;
extern const struct command cmd_units;
extern const struct command cmd_init;
extern const struct command cmd_migrate;
extern const struct command cmd_schema;

/* Print "nh3cat: CMD: MESSAGE" and the pointer to --help; return EXIT_INPUT. */
int cmd_usage_error(const struct command *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/*
 * After getopt_long (with opterr = 0 and an optstring starting with ':')
 * returned c ('?' or ':'): report the bad or incomplete option.
 */
int cmd_option_error(const struct command *cmd, char **argv, int c);
/*
 * "nh3cat CMD ARG..." from a command's argv, shortened to a line, for
 * messages about who holds a lock.  Caller frees.
 */
char *cmd_describe(int argc, char **argv);
/*
 * Before writing the file path (not "-"), take the lock its writers share
 * (corpus_lock_path_for): *lock is then the lock, or NULL when path needs
 * none (a device or a pipe).  Returns 0, or -1 after printing why.
 */
struct file_lock;
int cmd_lock_output(const char *path, int argc, char **argv, struct file_lock **lock /* OUT */);
/*
 * The *.csv files of dir, sorted, appended to *files (*n of them, in
 * *alloc slots; the caller frees each and the array).  0, or -1 after
 * printing why.
 */
int cmd_list_csv(const char *dir, char ***files, size_t *n, size_t *alloc);
/* Print the full help of cmd to f. */
void cmd_print_help(const struct command *cmd, FILE *f);
/* 1 when argv holds -h or --help before any "--". */
int cmd_wants_help(int argc, char **argv);

/*
 * What nh3cat validate gives the rules beyond the entries: the citing
 * sentences of the paper beside an entries file (ROOT/papers/KEY.*), set
 * into vo->cites.  Returns a handle for cmd_cites_free (NULL: no paper).
 * nh3cat report uses it so that its quality report finds what validate finds.
 */
struct validate_opts;
void *cmd_cites_for(const char *entries_file, struct validate_opts *vo);
void cmd_cites_free(void *handle);
/* What the paper beside an entries file says of itself (corpus_paper_meta); -1: no paper. */
struct paper_meta;
int cmd_paper_meta_for(const char *entries_file, struct paper_meta *out /* OUT */);

#endif
