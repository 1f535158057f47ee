/*
 * util.c: memory, error reporting, locale-independent numbers and whole-file
 * reads.  Every other module builds on these; they depend on nothing but libc.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

const char *progname = "nh3cat";

static void ATTR_NORETURN out_of_memory(size_t n)
{
	fprintf(stderr, "%s: fatal: out of memory (allocating %zu bytes)\n", progname, n);
	exit(EXIT_INPUT);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory(n);
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
	if (!p)
		out_of_memory(nmemb * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		out_of_memory(n);
	return q;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void *xgrow(void *p, size_t *alloc, size_t need, size_t elsize)
{
	size_t n = *alloc;
	if (need <= n)
		return p;
	if (n < 8)
		n = 8;
	while (n < need) {
		if (n > SIZE_MAX / 2 / elsize)
			out_of_memory(SIZE_MAX);
		n *= 2;
	}
	*alloc = n;
	return xrealloc(p, n * elsize);
}

static void vreport(const char *kind, const char *fmt, va_list ap)
{
	fprintf(stderr, "%s: %s: ", progname, kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

int error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("error", fmt, ap);
	va_end(ap);
	return -1;
}

void warning(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("warning", fmt, ap);
	va_end(ap);
}

void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport("fatal", fmt, ap);
	va_end(ap);
	exit(EXIT_INPUT);
}

int str_eq(const char *a, const char *b)
{
	return strcmp(a, b) == 0;
}

int str_startswith(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

int str_endswith(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

static int ascii_lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

int str_casecmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int ca = ascii_lower((unsigned char)*a), cb = ascii_lower((unsigned char)*b);
		if (ca != cb || !ca)
			return ca - cb;
	}
}

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char *str_trim(char *s)
{
	size_t n = strlen(s), i = 0;
	while (n > 0 && is_space((unsigned char)s[n - 1]))
		n--;
	while (i < n && is_space((unsigned char)s[i]))
		i++;
	memmove(s, s + i, n - i);
	s[n - i] = '\0';
	return s;
}

/*
 * The C locale, created once: strtod_l and snprintf_l-free formatting keep
 * "2.5" meaning two and a half whatever LC_NUMERIC the user has.
 */
static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

static void c_locale_init(void)
{
	c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	if (!c_locale)
		die("cannot create the C locale");
}

static locale_t get_c_locale(void)
{
	pthread_once(&c_locale_once, c_locale_init);
	return c_locale;
}

int num_parse_n(const char *s, size_t len, double *out)
{
	char tmp[64];
	size_t i = 0;
	int digits = 0;

	if (len == 0 || len >= sizeof(tmp))
		return -1;
	/* Only [+-]digits[.digits][e[+-]digits]: strtod alone would take hex, inf, nan. */
	if (s[i] == '+' || s[i] == '-')
		i++;
	while (i < len && s[i] >= '0' && s[i] <= '9')
		i++, digits++;
	if (i < len && s[i] == '.') {
		i++;
		while (i < len && s[i] >= '0' && s[i] <= '9')
			i++, digits++;
	}
	if (!digits)
		return -1;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		size_t e = ++i;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			i++, e++;
		while (i < len && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == e)
			return -1;
	}
	if (i != len)
		return -1;
	if (digits <= 15 && !memchr(s, 'e', len) && !memchr(s, 'E', len)) {
		/*
		 * At most 15 digits and no exponent: the digits are an integer m
		 * below 2^53 and the number is m / 10^k (k decimals, at most 15),
		 * both exact doubles, so one division rounds as strtod does.
		 */
		static const double p10[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
					      1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
		uint64_t m = 0;
		size_t k = 0, j = s[0] == '+' || s[0] == '-';
		int frac = 0;
		for (; j < len; j++) {
			if (s[j] == '.') {
				frac = 1;
				continue;
			}
			m = m * 10 + (uint64_t)(s[j] - '0');
			k += (size_t)frac;
		}
		*out = (double)m / p10[k];
		if (s[0] == '-')
			*out = -*out;
		return 0;
	}
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	{
		locale_t old = uselocale(get_c_locale());
		double v;
		int range;
		errno = 0;
		v = strtod(tmp, NULL);
		range = errno == ERANGE;
		uselocale(old);
		/* 1e400 overflows to infinity, 1e-400 underflows to zero: neither is the number written */
		if (!isfinite(v) || range)
			return -1;
		*out = v;
	}
	return 0;
}

int num_parse(const char *s, double *out)
{
	return num_parse_n(s, strlen(s), out);
}

int num_in_range(double v)
{
	return v == 0 || (fabs(v) >= NUM_MIN && fabs(v) < NUM_MAX);
}

const char *num_plain_check(const char *s, double *out)
{
	const char *p = s;
	double v;
	if (*p == '-')
		p++;
	if (*p < '0' || *p > '9')
		goto not_plain;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			goto not_plain;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p)
		goto not_plain;
	if (strlen(s) > NUM_PLAIN_MAX)
		return "longer than the " NUM_PLAIN_MAX_TEXT " characters a number may have";
	if (num_parse(s, &v) < 0 || !num_in_range(v))
		return "outside the magnitudes an entry holds (zero, or "
		       NUM_MIN_TEXT " to below " NUM_MAX_TEXT ")";
	*out = v;
	return NULL;
not_plain:
	if (num_parse(s, &v) == 0 && strpbrk(s, "eE"))
		return "written with an exponent";
	return "not a plain decimal";
}

/* 10^k for k = 0..22: every one a double exactly */
static const double pow10_exact[23] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

int num_digits(double a, int sig, double *n, int *k, int *e)
{
	double s, f;
	int ee, kk;
	if (!(a > 0) || !isfinite(a) || sig < 1 || sig > 15)
		return -1;
	ee = (int)floor(log10(a));
	kk = sig - 1 - ee;
	if (kk < 0 || kk > 22)
		return -1;
	/*
	 * a * 10^kk is below 10^15 < 2^50, so the one rounding of the product
	 * is off the exact value by at most 2^-4: away from a half, the
	 * nearest integer of the product is that of the exact value.
	 */
	s = a * pow10_exact[kk];
	f = s - floor(s);
	if (f > 0.4 && f < 0.6)
		return -1;
	s = floor(s + 0.5);
	/* a wrong floor(log10) shows as too few or too many digits */
	if (s < pow10_exact[sig - 1] || s >= pow10_exact[sig])
		return -1;
	*n = s;
	*k = kk;
	*e = ee;
	return 0;
}

double num_pow10(int k)
{
	return pow10_exact[k];
}

int num_round_dec(double v, int dec, double *r)
{
	double s, f;
	/*
	 * Below 10^4, v * 10^dec is below 2^47: its one rounding is off by at
	 * most 2^-7, so away from a half its nearest integer is the digits
	 * printing gives, and N / 10^dec the double strtod reads from them.
	 */
	if (!(fabs(v) < 1e4) || dec < 0 || dec > 10)
		return -1;
	s = fabs(v) * pow10_exact[dec];
	f = s - floor(s);
	if (f > 0.4 && f < 0.6)
		return -1;
	*r = copysign(floor(s + 0.5) / pow10_exact[dec], v);
	return 0;
}

/*
 * v as %.15g prints it, then rewritten without exponent as num_format does,
 * when its 15 digits N read back as v (N / 10^k is the double nearest the
 * decimal, as strtod reads it); -1 when v needs the slow path.
 */
static int num_format_fast(double v, char *buf)
{
	double n;
	int k, e, i, nd, o = 0;
	char d[16];
	long long u;
	if (num_digits(fabs(v), 15, &n, &k, &e) < 0 || n / pow10_exact[k] != fabs(v))
		return -1;
	u = (long long)n;
	for (i = 14; i >= 0; i--) {
		d[i] = (char)('0' + u % 10);
		u /= 10;
	}
	for (nd = 15; nd > 1 && d[nd - 1] == '0'; nd--)
		;
	if (v < 0)
		buf[o++] = '-';
	if (e >= 0) {
		for (i = 0; i <= e; i++)
			buf[o++] = d[i];   /* e <= 14: a digit of N each */
		if (nd > e + 1) {
			buf[o++] = '.';
			for (; i < nd; i++)
				buf[o++] = d[i];
		}
	} else {
		buf[o++] = '0';
		buf[o++] = '.';
		for (i = -1; i > e; i--)
			buf[o++] = '0';
		for (i = 0; i < nd; i++)
			buf[o++] = d[i];
	}
	buf[o] = '\0';
	return 0;
}

const char *num_format(double v, char *buf)
{
	locale_t old;
	int prec;

	if (v == 0) {
		buf[0] = '0';
		buf[1] = '\0';
		return buf;
	}
	if (num_format_fast(v, buf) == 0)
		return buf;
	old = uselocale(get_c_locale());
	/*
	 * The shortest digits that read back as v.  Any double that came from a
	 * decimal of at most 15 significant digits (DBL_DIG) prints as that
	 * decimal at precision 15, %g dropping the trailing zeros; only the
	 * others need 16 or 17.  (Counting up from 1 gives the same digits at
	 * several times the cost.)
	 */
	for (prec = 15; prec <= 17; prec++) {
		snprintf(buf, NUM_BUFSZ, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	if (strchr(buf, 'e')) {
		/* Rewrite d.ddde±X as a plain decimal with the same digits. */
		int exp10 = (int)floor(log10(fabs(v)));
		int decimals = prec - 1 - exp10;
		if (decimals < 0)
			decimals = 0;
		snprintf(buf, NUM_BUFSZ, "%.*f", decimals, v);
		if (strchr(buf, '.')) {
			size_t n = strlen(buf);
			while (n > 0 && buf[n - 1] == '0')
				buf[--n] = '\0';
			if (n > 0 && buf[n - 1] == '.')
				buf[--n] = '\0';
		}
	}
	uselocale(old);
	return buf;
}

char *file_read_all(const char *path, size_t *len)
{
	struct stat st;
	char *data = NULL;
	size_t n = 0, alloc = 0;
	/* Non-blocking open: a named pipe nobody writes to must not hang us. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);

	if (fd < 0) {
		fprintf(stderr, "%s: error: cannot open: %s\n", path, strerror(errno));
		return NULL;
	}
	(void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	if (fstat(fd, &st) < 0) {
		fprintf(stderr, "%s: error: cannot stat: %s\n", path, strerror(errno));
		close(fd);
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		fprintf(stderr, "%s: error: is a directory, not a file\n", path);
		close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode) && !S_ISCHR(st.st_mode)) {
		fprintf(stderr, "%s: error: not a regular file\n", path);
		close(fd);
		return NULL;
	}
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > (uintmax_t)FILE_READ_MAX) {
		fprintf(stderr, "%s: error: %jd bytes, more than the %d MiB nh3cat reads\n",
			path, (intmax_t)st.st_size, FILE_READ_MAX >> 20);
		close(fd);
		return NULL;
	}
	if (S_ISREG(st.st_mode) && st.st_size > 0)
		data = xgrow(data, &alloc, (size_t)st.st_size + 1, 1);
	for (;;) {
		ssize_t r;
		if (n > (size_t)FILE_READ_MAX) {
			/* A device or pipe that never ends (/dev/zero). */
			fprintf(stderr, "%s: error: more than the %d MiB nh3cat reads\n",
				path, FILE_READ_MAX >> 20);
			free(data);
			close(fd);
			return NULL;
		}
		if (alloc - n < 2)
			data = xgrow(data, &alloc, n + 65536, 1);
		r = read(fd, data + n, alloc - n - 1);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "%s: error: cannot read: %s\n", path, strerror(errno));
			free(data);
			close(fd);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	if (!data)
		data = xmalloc(1);
	data[n] = '\0';
	*len = n;
	return data;
}
