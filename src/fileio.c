/*
 * fileio.c: atomic file replacement (temporary file, fsync, rename,
 * fsync of the folder).  Every write to the corpus goes through here.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
