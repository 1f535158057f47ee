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

int file_write_atomic(const char *path, const void *data, size_t len)
{
	struct buf tmp = BUF_INIT, dir = BUF_INIT;
	const char *slash = strrchr(path, '/');
	int fd, saved;
	struct stat st;
	mode_t mode = 0644;

	if (slash)
		buf_add(&dir, path, (size_t)(slash - path) + 1);
	else
		buf_addstr(&dir, "./");
	buf_printf(&tmp, "%s.tmp-XXXXXX", path);
	/* Keep the permissions of the file being replaced. */
	if (stat(path, &st) == 0)
		mode = st.st_mode & 07777;

	fd = mkstemp(tmp.data);
	if (fd < 0) {
		saved = errno;
		fprintf(stderr, "%s: error: cannot create a temporary file beside it: %s\n",
			path, strerror(saved));
		goto fail_nofile;
	}
	if (fchmod(fd, mode) < 0 || write_all(fd, data, len) < 0 || fsync(fd) < 0) {
		saved = errno;
		fprintf(stderr, "%s: error: cannot write: %s\n", path, strerror(saved));
		close(fd);
		goto fail;
	}
	if (close(fd) < 0) {
		saved = errno;
		fprintf(stderr, "%s: error: cannot write: %s\n", path, strerror(saved));
		goto fail;
	}
	if (rename(tmp.data, path) < 0) {
		saved = errno;
		fprintf(stderr, "%s: error: cannot replace: %s\n", path, strerror(saved));
		goto fail;
	}
	if (fsync_dir(dir.data) < 0) {
		saved = errno;
		fprintf(stderr, "%s: error: cannot sync its folder: %s\n", path, strerror(saved));
		buf_release(&tmp);
		buf_release(&dir);
		return -1;
	}
	buf_release(&tmp);
	buf_release(&dir);
	return 0;
fail:
	unlink(tmp.data);
fail_nofile:
	buf_release(&tmp);
	buf_release(&dir);
	return -1;
}
