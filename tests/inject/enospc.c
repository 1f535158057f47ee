/*
 * enospc.c: an LD_PRELOAD fault injector that makes the disk look full.
 *
 * NH3CAT_INJECT names the call that fails with ENOSPC:
 *   write   every write to a regular file (standard streams still work)
 *   fsync   every fsync
 *   rename  every rename
 * Anything else (or unset) injects nothing.  NH3CAT_INJECT_SKIP=N lets the
 * first N such calls succeed (the paper's rename, then the entries' one
 * fails).  Used by tests/inject/full-disk.sh.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

ssize_t write(int fd, const void *buf, size_t n);
int fsync(int fd);
int rename(const char *from, const char *to);

static int injecting(const char *call)
{
	static long calls;
	const char *v = getenv("NH3CAT_INJECT");
	const char *skip = getenv("NH3CAT_INJECT_SKIP");
	if (!v || strcmp(v, call) != 0)
		return 0;
	return !skip || calls++ >= strtol(skip, NULL, 10);
}

ssize_t write(int fd, const void *buf, size_t n)
{
	static ssize_t (*real)(int, const void *, size_t);
	struct stat st;
	if (injecting("write") && fd > 2 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		errno = ENOSPC;
		return -1;
	}
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "write");
	return real(fd, buf, n);
}

int fsync(int fd)
{
	static int (*real)(int);
	if (injecting("fsync")) {
		errno = ENOSPC;
		return -1;
	}
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "fsync");
	return real(fd);
}

int rename(const char *from, const char *to)
{
	static int (*real)(const char *, const char *);
	if (injecting("rename")) {
		errno = ENOSPC;
		return -1;
	}
	if (!real)
		*(void **)&real = dlsym(RTLD_NEXT, "rename");
	return real(from, to);
}
