/*
 * cite.c: citation markers in running text (cite_scan) and the parsing of
 * reference-list entries into authors, title, journal, year, volume,
 * pages and DOI, with their CSV form for "nh3cat extract --refs".
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "cite.h"
#include "entry.h"
#include "utf8.h"
#include "util.h"

/* --- citation markers --------------------------------------------------------- */

/* Superscript digit at s: its value, and *n its length; -1 if none. */
static int sup_digit(const char *s, const char *e, size_t *n)
{
	const unsigned char *u = (const unsigned char *)s;
	if (e - s >= 2 && u[0] == 0xC2) {
		*n = 2;
		if (u[1] == 0xB9)
			return 1;
		if (u[1] == 0xB2)
			return 2;
		if (u[1] == 0xB3)
			return 3;
	}
	if (e - s >= 3 && u[0] == 0xE2 && u[1] == 0x81) {
		*n = 3;
		if (u[2] == 0xB0)
			return 0;
		if (u[2] >= 0xB4 && u[2] <= 0xB9)
			return u[2] - 0xB0;
	}
	return -1;
}

/* A range or list separator at s (ASCII or Unicode dash, superscript minus). */
static size_t dash_at(const char *s, const char *e)
{
	const unsigned char *u = (const unsigned char *)s;
	if (s < e && *s == '-')
		return 1;
	if (e - s >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] >= 0x90 && u[2] <= 0x95)
		return 3;
	if (e - s >= 3 && u[0] == 0xE2 && u[1] == 0x88 && u[2] == 0x92)
		return 3;   /* minus sign */
	if (e - s >= 3 && u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0xBB)
		return 3;   /* superscript minus */
	return 0;
}

static void mark_add(struct cite_mark *m, long v)
{
	if (m->n < CITE_MAX_NUMS)
		m->nums[m->n++] = v;
}

static void mark_range(struct cite_mark *m, long a, long b)
{
	long v;
	if (b < a || b - a > 60) {
		mark_add(m, a);
		mark_add(m, b);
		return;
	}
	for (v = a + 1; v <= b; v++)
		mark_add(m, v);
}

/*
 * Parse a list of numbers "12,13", "47–49", "12, 14-16" made of ASCII
 * digits (sup = 0) or superscript digits (sup = 1), starting at s.
 * Returns the end, or NULL when there is no number at s.
 */
static const char *parse_list(const char *s, const char *e, int sup, int spaces,
			      struct cite_mark *m)
{
	const char *p = s, *last_end = NULL;
	int range = 0;
	for (;;) {
		long v = 0;
		int nd = 0;
		const char *q = p;
		size_t n, dn;
		int dv;
		while (q < e && nd < 5) {
			if (sup ? (dv = sup_digit(q, e, &n)) >= 0 : is_digit((unsigned char)*q)) {
				v = v * 10 + (sup ? dv : *q - '0');
				q += sup ? n : 1;
				nd++;
			} else {
				break;
			}
		}
		if (!nd || nd > 4 || v == 0)
			return last_end;
		if (range)
			mark_range(m, m->n ? m->nums[m->n - 1] : v, v);
		else
			mark_add(m, v);
		last_end = p = q;
		if (p < e && *p == ',') {
			range = 0;
			p++;
		} else if ((dn = dash_at(p, e)) != 0 && !range) {
			range = 1;
			p += dn;
		} else {
			return last_end;
		}
		while (spaces && p < e && *p == ' ')
			p++;
	}
}

/* The word before position i ends with one of these: not a citation (units). */
static int unit_before(const char *t, size_t i)
{
	static const char *const units[] = { "cm", "nm", "mm", "km", "dm", "m", "s", "h", "g", NULL };
	size_t k, j = i;
	while (j > 0 && is_alpha((unsigned char)t[j - 1]))
		j--;
	if (j > 0 && (is_digit((unsigned char)t[j - 1]) || t[j - 1] == '.'))
		return 0;
	for (k = 0; units[k]; k++)
		if (strlen(units[k]) == i - j && !memcmp(t + j, units[k], i - j))
			return j == 0 || t[j - 1] == ' ';
	return 0;
}

size_t cite_scan(const char *text, size_t len, struct cite_mark *marks, size_t max)
{
	const char *e = text + len;
	size_t i = 0, found = 0;
	while (i < len) {
		struct cite_mark m;
		const char *p = text + i, *end = NULL;
		unsigned char prev = i ? (unsigned char)text[i - 1] : ' ';
		unsigned char c0 = (unsigned char)*p;
		size_t n;
		/* only these bytes can start a marker */
		if (c0 != '[' && c0 != '^' && c0 != '.' && c0 != ',' && c0 != 0xC2 && c0 != 0xE2) {
			i++;
			continue;
		}
		memset(&m, 0, sizeof(m));
		m.start = i;
		if (*p == '[' && len - i > 6 && !memcmp(p, "[cite:", 6)) {
			end = parse_list(p + 6, e, 0, 1, &m);
			if (end && end < e && *end == ']')
				end++;
			else
				end = NULL;
		} else if (*p == '[' && i + 1 < len && is_digit((unsigned char)p[1]) &&
			   !is_digit(prev)) {
			end = parse_list(p + 1, e, 0, 1, &m);
			if (end && end < e && *end == ']')
				end++;
			else
				end = NULL;
		} else if (*p == '^' && i + 2 < len && p[1] == '{' && is_digit((unsigned char)p[2]) &&
			   !is_digit(prev) && !unit_before(text, i)) {
			end = parse_list(p + 2, e, 0, 1, &m);
			if (end && end < e && *end == '}')
				end++;
			else
				end = NULL;
		} else if (sup_digit(p, e, &n) >= 0 && i > 0 && !is_digit(prev) &&
			   (is_alpha(prev) || prev == '.' || prev == ',' || prev == ')' ||
			    prev == ']' || prev >= 0x80) && !unit_before(text, i)) {
			/* a superscript run: not an exponent when a ⁺/⁻ charge follows */
			end = parse_list(p, e, 1, 0, &m);
			if (end && end + 2 < e && (unsigned char)end[0] == 0xE2 &&
			    (unsigned char)end[1] == 0x81 &&
			    ((unsigned char)end[2] == 0xBA || (unsigned char)end[2] == 0xBB))
				end = NULL;
			/* after a formula symbol (Co²): not a citation unless it ends a clause */
			if (end && is_alpha(prev) && prev != 'l' && end < e && *end != ' ' &&
			    *end != '.' && *end != ',' && *end != ')' && *end != '\n')
				end = NULL;
		} else if (*p == '.' && i > 0 && i + 1 < len && is_digit((unsigned char)p[1]) &&
			   (is_alpha(prev) || prev == ')' || prev == ']' || prev >= 0x80 ||
			    (is_digit(prev) && i >= 2 && is_alpha((unsigned char)text[i - 2])))) {
			end = parse_list(p + 1, e, 0, 0, &m);
			/* must end the sentence: then a space and a capital, or the end */
			if (end && !(end == e || *end == '\n' ||
				     (*end == ' ' && end + 1 < e &&
				      (((unsigned char)end[1] >= 'A' && (unsigned char)end[1] <= 'Z') ||
				       end[1] == '(' || end[1] == '*' || (unsigned char)end[1] >= 0x80 ||
				       (i >= 2 && text[i - 1] == 'l' && text[i - 2] == 'a')))))
				end = NULL;
			if (end)
				m.start = i + 1;
		} else if (*p == ',' && i > 0 && i + 1 < len && is_digit((unsigned char)p[1]) &&
			   (prev == ')' || (prev >= 'a' && prev <= 'z'))) {
			end = parse_list(p + 1, e, 0, 0, &m);
			if (end && end < e && !(*end == ' ' || *end == '.' || *end == '\n'))
				end = NULL;
			if (end)
				m.start = i + 1;
		}
		if (end && m.n) {
			m.end = (size_t)(end - text);
			if (found < max)
				marks[found] = m;
			found++;
			i = m.end;
			continue;
		}
		i++;
	}
	return found;
}

struct cite_mark *cite_scan_all(const char *text, size_t len, size_t *n)
{
	size_t cap = 32;
	struct cite_mark *marks = xmalloc(cap * sizeof(*marks));
	*n = cite_scan(text, len, marks, cap);
	if (*n > cap) {
		marks = xrealloc(marks, *n * sizeof(*marks));
		cite_scan(text, len, marks, *n);
	}
	return marks;
}

void cite_format(const struct cite_mark *m, struct buf *out)
{
	size_t k;
	for (k = 0; k < m->n; k++)
		buf_printf(out, "%s%ld", k ? ";" : "", m->nums[k]);
}

/* --- reference entries ------------------------------------------------------ */

/* Copy of text with runs of white space as one space, trimmed. */
static char *collapse(const char *s, size_t n)
{
	struct buf b = BUF_INIT;
	size_t i;
	for (i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\n' || c == '\t' || c == '\r')
			c = ' ';
		if (c == ' ' && (!b.len || b.data[b.len - 1] == ' '))
			continue;
		buf_addch(&b, c);
	}
	while (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	return buf_detach(&b, NULL);
}

/* Copy [s, e) without Markdown emphasis marks, trimmed of spaces and commas. */
static char *clean_field(const char *s, const char *e)
{
	struct buf b = BUF_INIT;
	char *r;
	for (; s < e; s++) {
		if (*s == '*')
			continue;
		buf_addch(&b, *s);
	}
	r = collapse(buf_str(&b), b.len);
	buf_release(&b);
	{
		size_t n = strlen(r);
		while (n && (r[n - 1] == ',' || r[n - 1] == ' '))
			r[--n] = '\0';
	}
	return r;
}

/* An author: starts with initials ("J.-Z. Qiu", "Á. Logadóttir", "C.-t. Au"). */
static int author_start(const char *s, const char *e)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = 1;
	uint32_t cp;
	if (s >= e)
		return 0;
	if (u[0] >= 0x80) {
		n = utf8_decode(s, (size_t)(e - s), &cp);
		if (!n)
			return 0;
	} else if (!(u[0] >= 'A' && u[0] <= 'Z')) {
		return 0;
	}
	s += n;
	if (s < e && (*s == '.' || (*s >= 'a' && *s <= 'z' && s + 1 < e && s[1] == '.')))
		return 1;
	return 0;
}

/* The year "2017" of ", 2017," or " (2017)" or " 2017," at p; 1 when found. */
static int year_at(const char *p, const char *e)
{
	if (e - p < 4)
		return 0;
	if (!((p[0] == '1' && p[1] == '9') || (p[0] == '2' && p[1] == '0')))
		return 0;
	if (!is_digit((unsigned char)p[2]) || !is_digit((unsigned char)p[3]))
		return 0;
	return e - p == 4 || p[4] == ',' || p[4] == ')' || p[4] == '.' || p[4] == ';';
}

/* Initials at p ("K.", "J.-Z.", "C. F.", "A.B."): returns their end, or NULL. */
static const char *initials_at(const char *p, const char *e)
{
	const char *q = p, *last = NULL;
	for (;;) {
		size_t n = 1;
		uint32_t cp;
		if (q >= e)
			break;
		if ((unsigned char)*q >= 0x80) {
			n = utf8_decode(q, (size_t)(e - q), &cp);
			if (!n)
				break;
		} else if (!(*q >= 'A' && *q <= 'Z')) {
			break;
		}
		if (q + n < e && q[n] >= 'a' && q[n] <= 'z' && q + n + 1 < e && q[n + 1] == '.')
			n++;   /* "Th." */
		if (q + n >= e || q[n] != '.')
			break;
		q += n + 1;
		last = q;
		if (q < e && *q == '-')
			q++;
		else if (q + 1 < e && *q == ' ' && q[1] >= 'A' && q[1] <= 'Z' && q + 2 < e &&
			 (q[2] == '.' || (q[2] >= 'a' && q[2] <= 'z' && q + 3 < e && q[3] == '.')))
			q++;
	}
	return last;
}

/*
 * Authors written surname first ("Aika, K.; Ohya, A.", "Aika, K., Ohya,
 * A. & Ozaki, A."): appends them to out and returns the end of the list,
 * or NULL when the entry does not start that way.
 */
static const char *inverted_authors(const char *s, const char *e, struct buf *out)
{
	const char *p = s, *end = NULL;
	for (;;) {
		const char *c = p, *ini;
		while (c < e && *c != ',' && *c != '.' && *c != ';' && c - p < 40)
			c++;
		if (c >= e || *c != ',' || c == p || c + 2 >= e || c[1] != ' ')
			break;
		ini = initials_at(c + 2, e);
		if (!ini)
			break;
		if (out->len)
			buf_addstr(out, "; ");
		buf_add(out, c + 2, (size_t)(ini - c - 2));
		buf_addch(out, ' ');
		buf_add(out, p, (size_t)(c - p));
		end = ini;
		p = ini;
		if (e - p > 2 && (p[0] == ';' || p[0] == ',') && p[1] == ' ') {
			p += 2;
			if (e - p > 4 && !strncmp(p, "and ", 4))
				p += 4;
			else if (e - p > 2 && !strncmp(p, "& ", 2))
				p += 2;
		} else if (e - p > 3 && !strncmp(p, " & ", 3)) {
			p += 3;
		} else if (e - p > 5 && !strncmp(p, " and ", 5)) {
			p += 5;
		} else {
			break;
		}
	}
	return end;
}

/* Numbers after the journal: volume then pages; a lone one is pages. */
static void vol_pages(const char *p, const char *e, struct ref_entry *r)
{
	const char *items[4], *ends[4];
	size_t n = 0;
	while (p < e && n < 4) {
		const char *q;
		while (p < e && (*p == ',' || *p == ' ' || *p == '(' || *p == ')' || *p == ':' || *p == ';'))
			p++;
		if (p >= e)
			break;
		q = p;
		while (q < e && *q != ',' && *q != ' ' && *q != '(' && *q != ':' && *q != ';')
			q++;
		/* "289– 301": a dash that a line break split */
		while (q + 1 < e && *q == ' ' && q > p && ((unsigned char)q[-1] >= 0x80 || q[-1] == '-')) {
			q++;
			while (q < e && *q != ',' && *q != ' ' && *q != '(')
				q++;
		}
		items[n] = p;
		ends[n++] = q;
		p = q;
	}
	while (n && ends[n - 1] > items[n - 1] && ends[n - 1][-1] == '.' && ends[n - 1] - items[n - 1] == 1)
		n--;
	if (n >= 2) {
		r->volume = clean_field(items[0], ends[0]);
		r->pages = clean_field(items[1], ends[1]);
	} else if (n == 1) {
		r->pages = clean_field(items[0], ends[0]);
	}
}

/* Split a trailing volume number off a journal name ("J. Catal. 400"). */
static void journal_volume(struct ref_entry *r)
{
	char *j = r->journal;
	size_t n = strlen(j), k = n;
	while (k > 0 && is_digit((unsigned char)j[k - 1]))
		k--;
	if (k < n && k > 1 && j[k - 1] == ' ' && (!r->volume || !r->volume[0])) {
		free(r->volume);
		r->volume = xstrdup(j + k);
		j[k - 1] = '\0';
	}
}

const char *cite_find_doi(const char *s, const char *e, const char **end)
{
	const char *p;
	for (p = s; p + 3 <= e && (p = memmem(p, (size_t)(e - p), "10.", 3)) != NULL; p++) {
		const char *d = p + 3, *q;
		if (p > s && is_digit((unsigned char)p[-1]))
			continue;
		while (d < e && is_digit((unsigned char)*d))
			d++;
		if (d - p < 7 || d >= e || *d != '/')
			continue;
		/* a DOI is printable ASCII: it ends at a space, a comma, a line
		 * break, a control code or any other character */
		q = d;
		while (q < e && (unsigned char)*q > ' ' && (unsigned char)*q < 0x7F && *q != ',')
			q++;
		/* one cut at a line's end after a '-' or '/', or after a '.' by
		 * a zero-width break (a long URL wrapped), goes on on the next
		 * line: not taken (a paper gives its own DOI whole elsewhere) */
		if (q < e && *q != ' ' && *q != ',' && q > d + 1 &&
		    (q[-1] == '-' || q[-1] == '/' || (q[-1] == '.' && (unsigned char)*q >= 0x80)))
			continue;
		while (q > d && (q[-1] == '.' || q[-1] == ';'))
			q--;
		if (q <= d + 1)
			continue;
		*end = q;
		return p;
	}
	return NULL;
}

void ref_parse(const char *text, long num, struct ref_entry *r)
{
	char *t, *nostar;
	const char *s, *e, *p, *year = NULL, *q;
	const char *authors_end, *title_start;
	struct buf authors = BUF_INIT;
	int inverted = 0;

	{
		struct buf b = BUF_INIT;
		for (p = text; *p; p++)
			if (*p != '*')
				buf_addch(&b, *p);
		nostar = buf_detach(&b, NULL);
	}
	t = collapse(nostar, strlen(nostar));
	free(nostar);
	s = t;
	e = t + strlen(t);
	memset(r, 0, sizeof(*r));
	r->num = num;
	/* the entry number: "- 65 ", "65. ", "[65] " */
	if (s < e && (*s == '-' || *s == '*') && s[1] == ' ')
		s += 2;
	if (*s == '[')
		s++;
	if (is_digit((unsigned char)*s)) {
		long v = 0;
		while (is_digit((unsigned char)*s))
			v = v * 10 + (*s++ - '0');
		if (!r->num)
			r->num = v;
		if (*s == ']' || *s == '.' || *s == ')')
			s++;
		while (*s == ' ')
			s++;
	}
	/* DOI anywhere; cut it (and "DOI:", "https://doi.org/") off the text */
	if ((p = cite_find_doi(s, e, &q)) != NULL) {
		const char *cut = p;
		r->doi = xstrndup(p, (size_t)(q - p));
		while (cut > s && cut[-1] != ' ' && cut[-1] != ',')
			cut--;
		if (cut - s >= 5 && !strncmp(cut - 5, "DOI: ", 5))
			cut -= 5;
		else if (cut - s >= 5 && !strncmp(cut - 5, "doi: ", 5))
			cut -= 5;
		while (cut > s && (cut[-1] == ' ' || cut[-1] == '.' || cut[-1] == ','))
			cut--;
		e = cut;
	}
	/* Authors surname first (ACS, Nature) or initials first (RSC, Elsevier). */
	authors_end = inverted_authors(s, e, &authors);
	if (authors_end) {
		inverted = 1;
		p = authors_end;
		while (p < e && (*p == ' ' || *p == ',' || *p == ';'))
			p++;
		authors_end = p;
	} else {
		p = s;
		authors_end = s;
		while (p < e && author_start(p, e)) {
			const char *c = strstr(p, ", ");
			const char *a = strstr(p, " and ");
			const char *stop = c && c < e ? c : e;
			int last = 0;
			/* "J. Catal. 2022": a journal, not a name (digits, or a final full stop) */
			{
				const char *x;
				int bad = stop > p && stop[-1] == '.';
				for (x = p; x < stop && !bad; x++)
					if (is_digit((unsigned char)*x))
						bad = 1;
				if (bad && !(a && a < stop))
					break;
			}
			if (a && a < stop) {
				if (authors.len)
					buf_addstr(&authors, "; ");
				buf_add(&authors, p, (size_t)(a - p));
				p = a + 5;
				last = 1;
				c = strstr(p, ", ");
				stop = c && c < e ? c : e;
			}
			if (authors.len)
				buf_addstr(&authors, "; ");
			buf_add(&authors, p, (size_t)(stop - p));
			authors_end = p = stop < e ? stop + 2 : e;
			if (last)
				break;
		}
	}
	title_start = authors_end;
	if (inverted) {
		/* Title. Journal Year, Vol, Pages  or  Title. Journal Vol, Pages (Year) */
		const char *te = title_start, *j, *je;
		while (te < e && !((*te == '.' || *te == '?' || *te == '!') && (te + 1 == e || te[1] == ' ')))
			te++;
		r->title = clean_field(title_start, te);
		j = te < e ? te + 1 : e;
		while (j < e && *j == ' ')
			j++;
		for (p = j; p < e; p++)
			if ((p == j || p[-1] == ' ' || p[-1] == '(') && year_at(p, e))
				year = p;
		je = j;
		while (je < e && !(je > j && (je[-1] == ' ' || je[-1] == ',' || je[-1] == '(') &&
				   is_digit((unsigned char)*je)))
			je++;
		r->journal = clean_field(j, je > j && je[-1] == '(' ? je - 1 : je);
		if (year) {
			struct buf rest = BUF_INIT;
			r->year = xstrndup(year, 4);
			buf_add(&rest, je, (size_t)(year - je));
			buf_add(&rest, year + 4, (size_t)(e - year - 4));
			vol_pages(buf_str(&rest), buf_str(&rest) + rest.len, r);
			buf_release(&rest);
		} else {
			vol_pages(je, e, r);
		}
		journal_volume(r);
	} else {
		/* The year: the last ", YYYY," or " (YYYY)" after the title. */
		for (p = title_start; p < e; p++)
			if ((p[0] == ',' || p[0] == ' ' || p[0] == '(') && p + 1 < e &&
			    year_at(p + 1 + (p[1] == ' '), e))
				year = p;
		if (year) {
			const char *y = year + 1 + (year[1] == ' ');
			const char *seg_end = year, *seg;
			r->year = xstrndup(y, 4);
			while (seg_end > title_start && seg_end[-1] == ' ')
				seg_end--;
			/* journal: the segment before the year, with "Int. Ed." or "A" joined */
			seg = seg_end;
			for (;;) {
				const char *c = seg;
				size_t n;
				int join;
				while (c > title_start && !(c[-1] == ' ' && c - 1 > title_start && c[-2] == ','))
					c--;
				n = (size_t)(seg - c);
				join = n <= 4 || !strncmp(c, "Int. Ed", 7);
				seg = c;
				if (!(join && c > title_start + 2))
					break;
				seg = c - 2;
			}
			r->journal = clean_field(seg, seg_end);
			q = y + 4;
			vol_pages(q, e, r);
			journal_volume(r);
			if (seg > title_start + 2)
				r->title = clean_field(title_start, seg - 2);
		} else {
			r->title = clean_field(title_start, e);
		}
	}
	if (r->pages) {
		/* "3024–3033." -> "3024-3033" */
		struct buf pg = BUF_INIT;
		const char *x = r->pages;
		while (*x) {
			size_t dn = dash_at(x, x + strlen(x));
			if (dn) {
				buf_addch(&pg, '-');
				x += dn;
			} else if (*x != ' ') {
				buf_addch(&pg, *x++);
			} else {
				x++;
			}
		}
		while (pg.len && pg.data[pg.len - 1] == '.')
			pg.data[--pg.len] = '\0';
		free(r->pages);
		r->pages = buf_detach(&pg, NULL);
	}
	r->authors = buf_detach(&authors, NULL);
#define FILL(f) if (!r->f) r->f = xstrdup("")
	FILL(title);
	FILL(journal);
	FILL(year);
	FILL(volume);
	FILL(pages);
	FILL(doi);
#undef FILL
	{
		size_t n = strlen(r->title);
		if (n && r->title[n - 1] == '.')
			r->title[n - 1] = '\0';
	}
	free(t);
}

void ref_release(struct ref_entry *r)
{
	free(r->authors);
	free(r->title);
	free(r->journal);
	free(r->year);
	free(r->volume);
	free(r->pages);
	free(r->doi);
	memset(r, 0, sizeof(*r));
}

void refs_csv_header(struct buf *out)
{
	buf_addstr(out, "ref,authors,title,journal,year,volume,pages,doi\n");
}

void refs_csv_append(const struct document *doc, struct buf *out)
{
	size_t i;
	for (i = 0; i < doc->nblocks; i++) {
		const struct block *b = &doc->blocks[i];
		struct ref_entry r;
		long num = 0;
		if (b->kind != BLOCK_REFERENCE)
			continue;
		if (b->label) {
			double v;
			if (num_parse(b->label, &v) == 0 && v >= 0 && v < 1e9)
				num = (long)v;
		}
		ref_parse(b->text, num, &r);
		buf_printf(out, "%ld,", r.num);
		csv_add_field(out, r.authors);
		buf_addch(out, ',');
		csv_add_field(out, r.title);
		buf_addch(out, ',');
		csv_add_field(out, r.journal);
		buf_addch(out, ',');
		csv_add_field(out, r.year);
		buf_addch(out, ',');
		csv_add_field(out, r.volume);
		buf_addch(out, ',');
		csv_add_field(out, r.pages);
		buf_addch(out, ',');
		csv_add_field(out, r.doi);
		buf_addch(out, '\n');
		ref_release(&r);
	}
}
