/*
 * fileio.h: atomic whole-file writes, and the write lock that keeps two
 * writers of one corpus (or one output file) apart.
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

/*
 * Remove path (a file this run created) and sync its folder.  Returns 0,
 * or -1 after printing "PATH: error: ...".
 */
int file_remove_durably(const char *path);

/*
 * 1 when path is a regular file holding exactly data[0..len), else 0
 * (missing, unreadable, or other bytes).  Reads it in pieces: memory
 * stays that of one piece whatever its size.
 */
int file_has_bytes(const char *path, const void *data, size_t len);

/*
 * The path among inputs[0..n) that names the same file as out (same device
 * and inode, whatever the spelling: a link, "./x", "../d/x"), or NULL when
 * none does or out does not exist.  Used to refuse an output that would
 * overwrite an input.
 */
const char *file_same_as_any(const char *out, char *const *inputs, size_t n);

/*
 * The write lock, as git takes index.lock.  A writer of a corpus holds
 * ROOT/.lock (a writer of a lone file, FILE.lock) for the whole of its
 * read-merge-write, so that two writers never interleave:
 *   - the lock is an flock(2) on the lock file, which holds "pid PID on
 *     HOST: WHO" for the messages of the others; the file is removed on
 *     release;
 *   - a lock file left by a process that died (killed, crashed) is no
 *     longer locked: the next writer recognizes it as stale, says so, and
 *     takes it;
 *   - a second writer waits, saying once on stderr whom it waits for, for
 *     NH3CAT_LOCK_TIMEOUT seconds (default 120; 0 = do not wait), then
 *     fails naming the holder.
 * file_lock_take returns the lock, or NULL after printing an error (the
 * caller then exits with status 2 without writing).  who is a short
 * description of the writer ("nh3cat add p.txt").
 */
struct file_lock;
struct file_lock *file_lock_take(const char *lockpath, const char *who);
void file_lock_release(struct file_lock *lk);   /* NULL is fine; frees lk */

#endif
