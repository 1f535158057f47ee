/*
 * diag.c: emit diagnostics as text, JSON or GitHub Actions workflow
 * commands, and count them by severity.
 */
#include <config.h>

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"

struct diag {
	enum diag_format fmt;
	FILE *out;
	unsigned long count[3];
	int json_open;    /* "[" written, "]" not yet */
	int json_items;
	diag_sink_fn *sink;   /* set: collect instead of printing */
	void *sink_ctx;
};

struct diag *diag_new(enum diag_format fmt, FILE *out)
{
	struct diag *d = xcalloc(1, sizeof(*d));
	d->fmt = fmt;
	d->out = out ? out : (fmt == DIAG_FMT_TEXT ? stderr : stdout);
	if (fmt == DIAG_FMT_JSON) {
		fputs("[", d->out);
		d->json_open = 1;
	}
	return d;
}

struct diag *diag_new_collect(diag_sink_fn *fn, void *ctx)
{
	struct diag *d = xcalloc(1, sizeof(*d));
	d->fmt = DIAG_FMT_TEXT;
	d->sink = fn;
	d->sink_ctx = ctx;
	return d;
}

void diag_finish(struct diag *d)
{
	if (d && d->json_open) {
		fputs(d->json_items ? "\n]\n" : "]\n", d->out);
		d->json_open = 0;
	}
	if (d && d->out)
		fflush(d->out);
}

void diag_free(struct diag *d)
{
	if (!d)
		return;
	diag_finish(d);
	free(d);
}

const char *diag_severity_name(enum diag_severity sev)
{
	switch (sev) {
	case DIAG_ERROR: return "error";
	case DIAG_WARNING: return "warning";
	case DIAG_NOTE: return "note";
	}
	return "error";
}

int diag_format_parse(const char *name, enum diag_format *out)
{
	if (str_eq(name, "text"))
		*out = DIAG_FMT_TEXT;
	else if (str_eq(name, "json"))
		*out = DIAG_FMT_JSON;
	else if (str_eq(name, "github"))
		*out = DIAG_FMT_GITHUB;
	else
		return -1;
	return 0;
}

unsigned long diag_count(const struct diag *d, enum diag_severity sev)
{
	return d->count[sev];
}

void json_write_string(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	fputc('"', f);
	for (; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\n': fputs("\\n", f); break;
		case '\r': fputs("\\r", f); break;
		case '\t': fputs("\\t", f); break;
		default:
			if (*p < 0x20)
				fprintf(f, "\\u%04x", *p);
			else
				fputc(*p, f);
		}
	}
	fputc('"', f);
}

/* GitHub workflow commands escape %, CR and LF; properties also : and ,. */
static void github_escape(FILE *f, const char *s, int property)
{
	for (; *s; s++) {
		switch (*s) {
		case '%': fputs("%25", f); break;
		case '\r': fputs("%0D", f); break;
		case '\n': fputs("%0A", f); break;
		case ':': if (property) fputs("%3A", f); else fputc(':', f); break;
		case ',': if (property) fputs("%2C", f); else fputc(',', f); break;
		default: fputc(*s, f);
		}
	}
}

void diag_vemit(struct diag *d, const char *file, long line, long col,
		enum diag_severity sev, const char *rule, const char *fmt, va_list ap)
{
	struct buf msg = BUF_INIT;

	buf_vprintf(&msg, fmt, ap);
	diag_emit_msg(d, file, line, col, sev, rule, buf_str(&msg), msg.len);
	buf_release(&msg);
}

/* ":N", N > 0, without printf (a finding a line: millions of them) */
static void add_place(struct buf *b, long n)
{
	char tmp[24];
	size_t k = sizeof(tmp);
	do {
		tmp[--k] = (char)('0' + n % 10);
		n /= 10;
	} while (n > 0);
	tmp[--k] = ':';
	buf_add(b, tmp + k, sizeof(tmp) - k);
}

void diag_emit_msg(struct diag *d, const char *file, long line, long col,
		   enum diag_severity sev, const char *rule, const char *text, size_t len)
{
	d->count[sev]++;
	if (d->sink) {
		struct diag_item it = { file ? file : "-", line, col, sev, rule ? rule : "",
					text };
		d->sink(d->sink_ctx, &it);
		return;
	}
	switch (d->fmt) {
	case DIAG_FMT_TEXT: {
		/* one write a line: stderr is unbuffered */
		struct buf l = BUF_INIT;
		buf_grow(&l, len + 96 + (file ? strlen(file) : 1));
		buf_addstr(&l, file ? file : "-");
		if (line > 0)
			add_place(&l, line);
		if (line > 0 && col > 0)
			add_place(&l, col);
		buf_addstr(&l, ": ");
		buf_addstr(&l, diag_severity_name(sev));
		buf_addstr(&l, ": ");
		if (rule && *rule) {
			buf_addch(&l, '[');
			buf_addstr(&l, rule);
			buf_addstr(&l, "] ");
		}
		buf_add(&l, text, len);
		buf_addch(&l, '\n');
		fwrite(buf_str(&l), 1, l.len, d->out);
		buf_release(&l);
		break;
	}
	case DIAG_FMT_JSON:
		fputs(d->json_items++ ? ",\n  {" : "\n  {", d->out);
		fputs("\"file\": ", d->out);
		json_write_string(d->out, file ? file : "-");
		fprintf(d->out, ", \"line\": %ld, \"column\": %ld, \"severity\": \"%s\", \"rule\": ",
			line, col, diag_severity_name(sev));
		json_write_string(d->out, rule ? rule : "");
		fputs(", \"message\": ", d->out);
		json_write_string(d->out, text);
		fputc('}', d->out);
		break;
	case DIAG_FMT_GITHUB:
		fprintf(d->out, "::%s file=", sev == DIAG_ERROR ? "error" :
			sev == DIAG_WARNING ? "warning" : "notice");
		github_escape(d->out, file ? file : "-", 1);
		if (line > 0)
			fprintf(d->out, ",line=%ld", line);
		if (line > 0 && col > 0)
			fprintf(d->out, ",col=%ld", col);
		if (rule && *rule) {
			fputs(",title=", d->out);
			github_escape(d->out, rule, 1);
		}
		fputs("::", d->out);
		github_escape(d->out, text, 0);
		fputc('\n', d->out);
		break;
	}
}

void diag_emit(struct diag *d, const char *file, long line, long col,
	       enum diag_severity sev, const char *rule, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vemit(d, file, line, col, sev, rule, fmt, ap);
	va_end(ap);
}
