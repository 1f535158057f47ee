/*
 * sentence.c: the one sentence splitter, for the extractor's prose and
 * validate's citing sentences (see sentence.h).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "sentence.h"

#include "cite.h"
#include "util.h"

/* Words after which a full stop does not end a sentence. */
static const char *const abbrevs[] = {
	"al", "Fig", "Figs", "fig", "figs", "ca", "vs", "Ref", "Refs", "ref", "refs", "Eq", "Eqs",
	"eq", "eqs", "e.g", "i.e", "cf", "approx", "resp", "No", "no", "Nos", "Vol", "vol", "pp",
	"Dr", "Prof", "wt", "Tab", "Sect", "Sec", "Ch", "etc", "viz", "Ltd", "Inc", "Jr",
	"St", "Mt", "min", "max", "avg", "Chem", "Soc", "Am", "J", NULL
};

int sentence_abbrev_before(const char *t, size_t dot)
{
	size_t j = dot, k;
	while (j > 0 && (is_upper((unsigned char)t[j - 1]) || is_lower((unsigned char)t[j - 1]) ||
			 t[j - 1] == '.'))
		j--;
	/* "*ca.*", "(ca." */
	for (k = 0; abbrevs[k]; k++)
		if (strlen(abbrevs[k]) == dot - j && !memcmp(t + j, abbrevs[k], dot - j))
			return 1;
	/* an initial ("X. Wang"), but not a unit after a number ("673 K.", "300 °C.") */
	if (dot - j == 1 && is_upper((unsigned char)t[j]) && (j == 0 || t[j - 1] == ' ' || t[j - 1] == '(')) {
		size_t w = j;
		while (w > 0 && t[w - 1] == ' ')
			w--;
		return !(w > 0 && is_digit((unsigned char)t[w - 1]));
	}
	return 0;
}

size_t sentence_split(const char *t, size_t len, struct span *out, size_t max)
{
	size_t n, nm;
	struct cite_mark *marks = cite_scan_all(t, len, &nm);
	n = sentence_split_marked(t, len, marks, nm, out, max);
	free(marks);
	return n;
}

size_t sentence_split_marked(const char *t, size_t len, const struct cite_mark *marks, size_t nm,
			     struct span *out, size_t max)
{
	size_t i, start = 0, n = 0, mi = 0;
	for (i = 0; i < len; i++) {
		size_t j, k;
		char c = t[i];
		if (c != '.' && c != '?' && c != '!')
			continue;
		if (c == '.' && i + 1 < len && is_digit((unsigned char)t[i + 1]) &&
		    i > 0 && is_digit((unsigned char)t[i - 1]))
			continue;   /* a decimal */
		if (c == '.' && sentence_abbrev_before(t, i))
			continue;
		j = i + 1;
		/* closing emphasis or parenthesis, then a citation glued to the stop */
		while (j < len && (t[j] == '*' || t[j] == '"' || t[j] == '\''))
			j++;
		while (mi < nm && marks[mi].start < j)
			mi++;
		if (mi < nm && (marks[mi].start == j || marks[mi].start == i + 1))
			j = marks[mi].end;
		if (j < len && t[j] != ' ' && t[j] != '\n')
			continue;
		k = j;
		while (k < len && (t[k] == ' ' || t[k] == '\n'))
			k++;
		if (k < len && !(is_upper((unsigned char)t[k]) || is_digit((unsigned char)t[k]) ||
				 t[k] == '(' || t[k] == '[' || t[k] == '*' || (unsigned char)t[k] >= 0x80))
			continue;
		if (n < max) {
			out[n].start = start;
			out[n].end = j;
		}
		n++;
		start = k;
		i = k > 0 ? k - 1 : k;
	}
	if (start < len) {
		size_t e = len;
		while (e > start && (t[e - 1] == ' ' || t[e - 1] == '\n'))
			e--;
		if (e > start) {
			if (n < max) {
				out[n].start = start;
				out[n].end = e;
			}
			n++;
		}
	}
	return n;
}
