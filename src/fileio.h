/*
 * fileio.h: atomic whole-file writes.
 *
 * file_write_atomic writes to a temporary file in the target's folder,
 * fsyncs it, renames it over the target and fsyncs the folder, so that a
 * crash at any point leaves either the old file or the new one, whole.
 */
#ifndef NH3CAT_FILEIO_H
#define NH3CAT_FILEIO_H

#include <stddef.h>

/*
 * Returns 0, or -1 after printing "PATH: error: ..." (the temporary file
 * is removed and the target left as it was).
 */
int file_write_atomic(const char *path, const void *data, size_t len);

/*
 * Streaming form of the same: open a temporary file beside path, write to
 * it as often as needed, then commit (fsync, rename, fsync of the folder)
 * or abort (remove it; the target is untouched).  Errors print
 * "PATH: error: ..." and return -1; after an error only abort is valid.
 */
struct atomic_file;
struct atomic_file *atomic_file_open(const char *path);
int atomic_file_write(struct atomic_file *af, const void *data, size_t len);
int atomic_file_commit(struct atomic_file *af);   /* frees af */
void atomic_file_abort(struct atomic_file *af);   /* frees af */

#endif
