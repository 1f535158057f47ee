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

#endif
