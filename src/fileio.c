/*
 * fileio.c: atomic file replacement (temporary file, fsync, rename,
 * fsync of the folder) and the writers' lock.  Every write to the corpus
 * goes through here.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "fileio.h"
#include "util.h"

static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static int fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int rc;
	if (fd < 0)
		return -1;
	rc = fsync(fd);
	/* Some file systems refuse fsync on a folder; the rename is still done. */
	if (rc < 0 && (errno == EINVAL || errno == EROFS))
		rc = 0;
	close(fd);
	return rc;
}

struct atomic_file {
	char *path;
	char *tmp;      /* NULL when writing straight to a device or pipe */
	char *dir;
	int fd;
	int failed;
};

struct atomic_file *atomic_file_open(const char *path)
{
	struct atomic_file *af = xcalloc(1, sizeof(*af));
	struct buf tmp = BUF_INIT, dir = BUF_INIT;
	const char *slash = strrchr(path, '/');
	struct stat st;
	mode_t mode = 0644;

	if (slash)
		buf_add(&dir, path, (size_t)(slash - path) + 1);
	else
		buf_addstr(&dir, "./");
	buf_printf(&tmp, "%s.tmp-XXXXXX", path);
	int exists = stat(path, &st) == 0;

	/* Keep the permissions of the file being replaced. */
	if (exists)
		mode = st.st_mode & 07777;
	if (exists && S_ISDIR(st.st_mode)) {
		fprintf(stderr, "%s: error: is a directory, not a file\n", path);
		buf_release(&tmp);
		buf_release(&dir);
		free(af);
		return NULL;
	}
	if (exists && !S_ISREG(st.st_mode)) {
		/*
		 * A device or a pipe (-o /dev/null, a FIFO): renaming over it
		 * would replace it with a regular file.  Write to it as it is.
		 */
		buf_release(&tmp);
		buf_release(&dir);
		af->path = xstrdup(path);
		af->fd = open(path, O_WRONLY | O_CLOEXEC);
		if (af->fd < 0) {
			fprintf(stderr, "%s: error: cannot open for writing: %s\n", path, strerror(errno));
			free(af->path);
			free(af);
			return NULL;
		}
		return af;
	}
	af->path = xstrdup(path);
	af->tmp = buf_detach(&tmp, NULL);
	af->dir = buf_detach(&dir, NULL);
	af->fd = mkstemp(af->tmp);
	if (af->fd < 0) {
		fprintf(stderr, "%s: error: cannot create a temporary file beside it: %s\n",
			path, strerror(errno));
		free(af->path);
		free(af->tmp);
		free(af->dir);
		free(af);
		return NULL;
	}
	if (fchmod(af->fd, mode) < 0) {
		fprintf(stderr, "%s: error: cannot set permissions: %s\n", path, strerror(errno));
		atomic_file_abort(af);
		return NULL;
	}
	return af;
}

int atomic_file_write(struct atomic_file *af, const void *data, size_t len)
{
	if (af->failed)
		return -1;
	if (write_all(af->fd, data, len) < 0) {
		fprintf(stderr, "%s: error: cannot write: %s\n", af->path, strerror(errno));
		af->failed = 1;
		return -1;
	}
	return 0;
}

static void atomic_file_free(struct atomic_file *af)
{
	free(af->path);
	free(af->tmp);
	free(af->dir);
	free(af);
}

void atomic_file_abort(struct atomic_file *af)
{
	if (!af)
		return;
	if (af->fd >= 0)
		close(af->fd);
	if (af->tmp)
		unlink(af->tmp);
	atomic_file_free(af);
}

int atomic_file_commit(struct atomic_file *af)
{
	int fd = af->fd;
	if (af->failed) {
		atomic_file_abort(af);
		return -1;
	}
	af->fd = -1;
	if (!af->tmp) {
		if (close(fd) < 0) {
			fprintf(stderr, "%s: error: cannot write: %s\n", af->path, strerror(errno));
			atomic_file_free(af);
			return -1;
		}
		atomic_file_free(af);
		return 0;
	}
	if (fsync(fd) < 0) {
		fprintf(stderr, "%s: error: cannot write: %s\n", af->path, strerror(errno));
		close(fd);
		goto fail;
	}
	if (close(fd) < 0) {
		fprintf(stderr, "%s: error: cannot write: %s\n", af->path, strerror(errno));
		goto fail;
	}
	if (rename(af->tmp, af->path) < 0) {
		fprintf(stderr, "%s: error: cannot replace: %s\n", af->path, strerror(errno));
		goto fail;
	}
	if (fsync_dir(af->dir) < 0) {
		fprintf(stderr, "%s: error: cannot sync its folder: %s\n", af->path, strerror(errno));
		atomic_file_free(af);
		return -1;
	}
	atomic_file_free(af);
	return 0;
fail:
	unlink(af->tmp);
	atomic_file_free(af);
	return -1;
}

int file_write_atomic(const char *path, const void *data, size_t len)
{
	struct atomic_file *af = atomic_file_open(path);
	if (!af)
		return -1;
	if (atomic_file_write(af, data, len) < 0) {
		atomic_file_abort(af);
		return -1;
	}
	return atomic_file_commit(af);
}

/* The folder of path, for fsync_dir ("./" for a bare name). */
static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? xstrndup(path, (size_t)(slash - path) + 1) : xstrdup("./");
}

int file_has_bytes(const char *path, const void *data, size_t len)
{
	const char *want = data;
	char piece[65536];
	size_t at = 0;
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC), same;
	if (fd < 0)
		return 0;
	same = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (uintmax_t)st.st_size == (uintmax_t)len;
	while (same) {
		ssize_t r = read(fd, piece, sizeof(piece));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			same = r == 0 && at == len;
			break;
		}
		same = (size_t)r <= len - at && memcmp(piece, want + at, (size_t)r) == 0;
		at += (size_t)r;
	}
	close(fd);
	return same;
}

int file_remove_durably(const char *path)
{
	char *dir;
	int rc = 0;
	if (unlink(path) < 0 && errno != ENOENT) {
		fprintf(stderr, "%s: error: cannot remove: %s\n", path, strerror(errno));
		return -1;
	}
	dir = dir_of(path);
	if (fsync_dir(dir) < 0) {
		fprintf(stderr, "%s: error: cannot sync its folder: %s\n", path, strerror(errno));
		rc = -1;
	}
	free(dir);
	return rc;
}

const char *file_same_as_any(const char *out, char *const *inputs, size_t n)
{
	struct stat o, st;
	size_t i;
	if (!out || stat(out, &o) < 0)
		return NULL;
	for (i = 0; i < n; i++)
		if (inputs[i] && stat(inputs[i], &st) == 0 && st.st_dev == o.st_dev &&
		    st.st_ino == o.st_ino)
			return inputs[i];
	return NULL;
}

/* --- the writers' lock ------------------------------------------------------ */

struct file_lock {
	char *path;
	int fd;
};

#define LOCK_TIMEOUT_DEFAULT 120.0
#define LOCK_POLL_NS 50000000L

static double monotonic_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The first line of the lock file (who holds it), or "" when empty. */
static void read_holder(int fd, char *buf, size_t cap)
{
	ssize_t n = pread(fd, buf, cap - 1, 0);
	char *nl;
	if (n < 0)
		n = 0;
	buf[n] = '\0';
	if ((nl = strchr(buf, '\n')) != NULL)
		*nl = '\0';
}

static double lock_timeout(void)
{
	const char *env = getenv("NH3CAT_LOCK_TIMEOUT");
	double v;
	if (env && *env && num_parse(env, &v) == 0 && v >= 0)
		return v;
	return LOCK_TIMEOUT_DEFAULT;
}

struct file_lock *file_lock_take(const char *path, const char *who)
{
	double timeout = lock_timeout(), start = monotonic_seconds();
	int waited = 0;
	char holder[512];

	for (;;) {
		struct stat a, b;
		struct file_lock *lk;
		struct buf info = BUF_INIT;
		char host[256];
		int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);

		if (fd < 0) {
			fprintf(stderr, "%s: error: cannot create the lock: %s\n", path, strerror(errno));
			return NULL;
		}
		if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
			struct timespec pause = { 0, LOCK_POLL_NS };
			if (errno != EWOULDBLOCK && errno != EINTR) {
				fprintf(stderr, "%s: error: cannot lock: %s\n", path, strerror(errno));
				close(fd);
				return NULL;
			}
			read_holder(fd, holder, sizeof(holder));
			close(fd);
			if (monotonic_seconds() - start >= timeout) {
				fprintf(stderr, "%s: error: held by %s: another writer is at work; "
					"nothing was written (try again when it is done)\n", path,
					holder[0] ? holder : "another process");
				return NULL;
			}
			if (!waited) {
				fprintf(stderr, "%s: waiting for %s, which holds %s\n", progname,
					holder[0] ? holder : "another process", path);
				waited = 1;
			}
			nanosleep(&pause, NULL);
			continue;
		}
		/*
		 * The holder before us may have removed the file between our
		 * open and our flock: then we hold a lock on a file nobody else
		 * will open, and must start again.
		 */
		if (fstat(fd, &a) < 0 || stat(path, &b) < 0 || a.st_dev != b.st_dev ||
		    a.st_ino != b.st_ino) {
			close(fd);
			continue;
		}
		/* A holder's name in an unlocked file: its process ended without releasing. */
		read_holder(fd, holder, sizeof(holder));
		if (holder[0])
			fprintf(stderr, "%s: note: stale lock of %s, whose process ended; taken over\n",
				path, holder);
		if (gethostname(host, sizeof(host)) < 0)
			host[0] = '\0';
		host[sizeof(host) - 1] = '\0';
		buf_printf(&info, "pid %ld on %s: %s\n", (long)getpid(), host[0] ? host : "?", who);
		/* Only a courtesy for the messages of others: a failure changes nothing. */
		if (ftruncate(fd, 0) == 0) {
			ssize_t w = pwrite(fd, info.data, info.len, 0);
			(void)w;
		}
		buf_release(&info);
		lk = xmalloc(sizeof(*lk));
		lk->path = xstrdup(path);
		lk->fd = fd;
		return lk;
	}
}

void file_lock_release(struct file_lock *lk)
{
	if (!lk)
		return;
	/* Removed while still held, so that no one takes a lock on a file about to go. */
	unlink(lk->path);
	close(lk->fd);
	free(lk->path);
	free(lk);
}
