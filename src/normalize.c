/*
 * normalize.c: raw paper text to the canonical text of normalize.h, with a
 * byte map back to the source.
 *
 * One pass over the source, one code point at a time.  Output goes through
 * put(), which appends a byte and the source offset it stands for; the
 * buffers grow geometrically, so the loop does not allocate per character.
 * LaTeX groups ({...} after _ ^ \text \frac) are tracked on a small stack,
 * opened only when their closing brace is on the same line, and the stack
 * is reset at every newline so that a stray brace cannot swallow the rest
 * of a document.
 */
#include <config.h>

#include "normalize.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "util.h"

/* How far ahead a closing brace is looked for (bytes, same line). */
#define GROUP_LOOKAHEAD 256
#define GROUP_MAX 16

enum group_kind {
	G_KEEP,      /* plain braces outside math: kept */
	G_DROP,      /* plain braces in math: dropped */
	G_TEXT,      /* \text{..}: content kept, braces dropped */
	G_MTEXT,     /* \mathrm{..} in math: the same, and spaces in it dropped */
	G_SUB,       /* _{cat}: "_" then content without spaces at the ends */
	G_CHEMSUB,   /* _{3}: content glued to the formula */
	G_SUP,       /* ^{-1}: "^" then content without spaces */
	G_FRAC_NUM,  /* \frac{A}: A, then "/" */
	G_FRAC_DEN   /* {B}: B */
};

struct nz {
	const char *src;
	size_t len;
	struct normtext *nt;
	int math;
	int depth;
	size_t chemsub_end;   /* output length where a formula's subscript closed */
	enum group_kind stack[GROUP_MAX];
};

void normtext_init(struct normtext *nt)
{
	nt->text = NULL;
	nt->len = 0;
	nt->map = NULL;
	nt->alloc = 0;
}

void normtext_release(struct normtext *nt)
{
	free(nt->text);
	free(nt->map);
	normtext_init(nt);
}

static void reserve(struct normtext *nt, size_t need)
{
	size_t n;
	if (need <= nt->alloc)
		return;
	n = nt->alloc ? nt->alloc : 64;
	while (n < need)
		n *= 2;
	nt->text = xrealloc(nt->text, n);
	nt->map = xrealloc(nt->map, n * sizeof(size_t));
	nt->alloc = n;
}

static inline void put(struct nz *z, char c, size_t off)
{
	struct normtext *nt = z->nt;
	if (nt->len + 2 > nt->alloc)
		reserve(nt, nt->len + 2);
	nt->text[nt->len] = c;
	nt->map[nt->len] = off;
	nt->len++;
}

static void puts_at(struct nz *z, const char *s, size_t off)
{
	while (*s)
		put(z, *s++, off);
}

static inline int last(const struct nz *z)
{
	return z->nt->len ? (unsigned char)z->nt->text[z->nt->len - 1] : '\n';
}

/* Drop spaces at the end of the output. */
static void trim_spaces(struct nz *z)
{
	while (z->nt->len && z->nt->text[z->nt->len - 1] == ' ')
		z->nt->len--;
}

/* The last output byte that is not a space ('\n' at the start). */
static int last_nonspace(const struct nz *z)
{
	size_t n = z->nt->len;
	while (n && z->nt->text[n - 1] == ' ')
		n--;
	return n ? (unsigned char)z->nt->text[n - 1] : '\n';
}

static void put_space(struct nz *z, size_t off)
{
	int c = last(z);
	if (c == ' ' || c == '\n' || c == '\t')
		return;
	if (z->depth > 0 && (z->stack[z->depth - 1] == G_SUP ||
			     (z->stack[z->depth - 1] == G_CHEMSUB && z->math)))
		return;
	if (z->depth > 0 && z->stack[z->depth - 1] == G_SUB && c == '_')
		return;
	put(z, ' ', off);
}

/* Decode the code point at j; invalid bytes read as U+FFFD of length 1. */
static size_t decode_at(const struct nz *z, size_t j, uint32_t *cp)
{
	size_t k;
	if (j >= z->len) {
		*cp = 0;
		return 0;
	}
	if ((unsigned char)z->src[j] < 0x80) {
		*cp = (unsigned char)z->src[j];
		return 1;
	}
	k = utf8_decode(z->src + j, z->len - j, cp);
	if (!k) {
		*cp = 0xFFFD;
		return 1;
	}
	return k;
}

/* Superscript digit or sign: its ASCII fold, or 0. */
static int sup_fold(uint32_t cp)
{
	switch (cp) {
	case 0x2070: return '0';
	case 0x00B9: return '1';
	case 0x00B2: return '2';
	case 0x00B3: return '3';
	case 0x2074: case 0x2075: case 0x2076: case 0x2077: case 0x2078: case 0x2079:
		return (int)('4' + (cp - 0x2074));
	case 0x207A: return '+';
	case 0x207B: return '-';
	default: return 0;
	}
}

/* Subscript digit or sign: its ASCII fold, or 0. */
static int sub_fold(uint32_t cp)
{
	if (cp >= 0x2080 && cp <= 0x2089)
		return (int)('0' + (cp - 0x2080));
	if (cp == 0x208A)
		return '+';
	if (cp == 0x208B)
		return '-';
	return 0;
}

static int is_dash(uint32_t cp)
{
	return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE63 || cp == 0xFF0D;
}

static int is_uspace(uint32_t cp)
{
	return cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
	       cp == 0x205F || cp == 0x3000;
}

/* Offset of the '}' closing the '{' at j, on the same line, or 0. */
static size_t match_brace(const struct nz *z, size_t j)
{
	size_t end = j + GROUP_LOOKAHEAD < z->len ? j + GROUP_LOOKAHEAD : z->len;
	int d = 0;
	size_t k;
	for (k = j; k < end; k++) {
		char c = z->src[k];
		if (c == '\n')
			return 0;
		if (c == '\\' && k + 1 < end) {
			k++;
			continue;
		}
		if (c == '{') {
			if (++d > GROUP_MAX)
				return 0;   /* deeper than the stack: never opened */
		} else if (c == '}' && --d == 0) {
			return k;
		}
	}
	return 0;
}

static int push(struct nz *z, enum group_kind k)
{
	if (z->depth >= GROUP_MAX)
		return -1;
	z->stack[z->depth++] = k;
	return 0;
}

/* Is the word that ends the output a unit that takes an exponent? */
static int last_word_is_unit(const struct nz *z)
{
	static const char *const units[] = {
		"m", "cm", "mm", "nm", "um", "km", "dm", "L", "mL", "s", "h", "g", "kg",
		"mol", "mmol", "umol", "K", "Pa", "min", "cat", "NH3"
	};
	size_t n = z->nt->len, b = n, i;
	while (b > 0 && is_alpha((unsigned char)z->nt->text[b - 1]))
		b--;
	if (b == n || n - b > 5)
		return 0;
	for (i = 0; i < ARRAY_SIZE(units); i++)
		if (strlen(units[i]) == n - b && memcmp(units[i], z->nt->text + b, n - b) == 0)
			return 1;
	/* g_cat^-1, g_Co^-1: a subscripted unit */
	if (b >= 2 && z->nt->text[b - 1] == '_')
		return 1;
	return 0;
}

/* Is the output's end a place where a bare superscript number is a citation? */
static int citation_context(const struct nz *z)
{
	int c = last(z);
	size_t n = z->nt->len;
	if (is_digit(c)) {
		/*
		 * After a number (10³) an exponent; after the last digit of a
		 * formula (CeO₂⁷⁹, HZSM-5) a citation
		 */
		size_t b = n;
		while (b > 0 && is_digit((unsigned char)z->nt->text[b - 1]))
			b--;
		return b > 0 && is_alpha((unsigned char)z->nt->text[b - 1]);
	}
	if (c == '.' || c == ',' || c == ')' || c == ']' || c == ';' || c == ':' ||
	    c == ' ' || c == '\n' || c == '\t')
		return 1;
	if (is_alpha(c))
		return !last_word_is_unit(z);
	return 1;
}

/*
 * Citation content: digits, commas, dashes and spaces only, a digit first.
 * Copies the folded content (no spaces) into out; returns its length or 0.
 */
static size_t citation_content(const struct nz *z, size_t from, size_t to, char *out, size_t *offs,
			       size_t outsz)
{
	size_t j = from, n = 0;
	while (j < to) {
		uint32_t cp;
		size_t k = decode_at(z, j, &cp);
		int c = sup_fold(cp);
		if (!c && (cp == ',' || is_digit((int)cp) || cp == '-' || is_dash(cp)))
			c = is_dash(cp) ? '-' : (int)cp;
		if (cp == ' ') {
			j += k;
			continue;
		}
		if (!c || c == '+' || n + 1 >= outsz)
			return 0;
		if (n == 0 && !is_digit(c))
			return 0;
		offs[n] = j;
		out[n++] = (char)c;
		j += k;
	}
	if (n == 0 || !is_digit((unsigned char)out[n - 1]))
		return 0;
	out[n] = '\0';
	return n;
}

/* Is the element symbol s (len 1 or 2) one of the periodic table? */
static int is_element(const char *s, size_t n)
{
	static const char elems[] =
		" H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu"
		" Zn Ga Ge As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba"
		" La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi"
		" Po At Rn Fr Ra Ac Th Pa U Np Pu ";
	char key[5];
	if (n < 1 || n > 2)
		return 0;
	key[0] = ' ';
	memcpy(key + 1, s, n);
	key[n + 1] = ' ';
	key[n + 2] = '\0';
	return strstr(elems, key) != NULL;
}

/*
 * After a chemical subscript ("Co ₁ Ru ₂ /NC"), at source offset j where
 * spaces start: skip them when what follows continues the formula (a '/',
 * or an element symbol that ends its word or takes a subscript).  Returns
 * the offset to go on from.
 */
static size_t chem_join(const struct nz *z, size_t j)
{
	size_t k = j, s;
	uint32_t cp;
	while (k < z->len && z->src[k] == ' ')
		k++;
	if (k == j || k >= z->len)
		return j;
	if (z->src[k] == '/')
		return k;
	if (!(z->src[k] >= 'A' && z->src[k] <= 'Z'))
		return j;
	s = k + 1;
	if (s < z->len && z->src[s] >= 'a' && z->src[s] <= 'z')
		s++;
	if (!is_element(z->src + k, s - k))
		return j;
	/* the symbol ends its word, or a subscript follows (maybe after spaces) */
	if (s >= z->len || z->src[s] == '/' || z->src[s] == '\n' || z->src[s] == '\t')
		return k;
	if (z->src[s] == ' ') {
		size_t t = s;
		while (t < z->len && z->src[t] == ' ')
			t++;
		decode_at(z, t, &cp);
		if (sub_fold(cp) || (t + 1 < z->len && z->src[t] == '_' && z->src[t + 1] == '{'))
			return k;
		/* "Co ₁ Ru SAA": the symbol alone is a word of the formula */
		return k;
	}
	decode_at(z, s, &cp);
	if (sub_fold(cp))
		return k;
	return j;
}

/* Names of LaTeX commands whose braced argument is kept as text. */
static int is_text_command(const char *s, size_t n)
{
	static const char *const names[] = {
		"text", "mathrm", "textrm", "mathit", "textit", "mathbf", "textbf", "mathsf",
		"textsf", "mbox", "operatorname", "textnormal", "mathnormal", "emph", "boldsymbol"
	};
	size_t i;
	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
			return 1;
	return 0;
}

static int name_is(const char *s, size_t n, const char *name)
{
	return strlen(name) == n && memcmp(s, name, n) == 0;
}

/* Emit " x " for a multiplication sign, and skip the spaces after it. */
static size_t put_times(struct nz *z, size_t off, size_t j)
{
	trim_spaces(z);
	put(z, ' ', off);
	put(z, 'x', off);
	put(z, ' ', off);
	while (j < z->len && (z->src[j] == ' '))
		j++;
	return j;
}

/*
 * A group argument after _ or ^ at i (src[i] == '{', closing at e).
 * Returns the offset to continue from.
 */
static size_t open_script(struct nz *z, size_t at, size_t i, size_t e, int sup)
{
	char cite[64];
	size_t offs[64], j = i + 1, n, m;
	while (j < e && z->src[j] == ' ')
		j++;
	if (sup) {
		if (citation_context(z) && (n = citation_content(z, i + 1, e, cite, offs, sizeof(cite))) != 0) {
			puts_at(z, "[cite:", at);
			for (m = 0; m < n; m++)
				put(z, cite[m], offs[m]);   /* each digit points at its own */
			put(z, ']', e);
			return e + 1;
		}
		if (j + 5 <= e && memcmp(z->src + j, "\\circ", 5) == 0) {
			/* ^{\circ}C */
			trim_spaces(z);
			puts_at(z, "\xC2\xB0", at);
			return e + 1;
		}
		trim_spaces(z);
		put(z, '^', at);
		if (push(z, G_SUP) < 0)
			return i;
		return i + 1;
	}
	/* subscript: digits glue to the formula, anything else is "_X" */
	if (j < e && is_digit((unsigned char)z->src[j]) && is_alnum(last_nonspace(z))) {
		trim_spaces(z);
		if (push(z, G_CHEMSUB) < 0)
			return i;
		return i + 1;
	}
	trim_spaces(z);
	put(z, '_', at);
	if (push(z, G_SUB) < 0)
		return i;
	return i + 1;
}

/* A closing brace of a group; returns the offset to continue from. */
static size_t close_group(struct nz *z, size_t i)
{
	enum group_kind k = z->stack[--z->depth];
	size_t j = i + 1;
	switch (k) {
	case G_KEEP:
		put(z, '}', i);
		break;
	case G_SUB:
	case G_SUP:
		trim_spaces(z);
		break;
	case G_CHEMSUB:
		trim_spaces(z);
		j = chem_join(z, j);
		z->chemsub_end = z->nt->len;
		break;
	case G_FRAC_NUM:
		trim_spaces(z);
		put(z, '/', i);
		while (j < z->len && z->src[j] == ' ')
			j++;
		if (j < z->len && z->src[j] == '{' && match_brace(z, j) && push(z, G_FRAC_DEN) == 0)
			j++;
		break;
	case G_DROP:
	case G_TEXT:
	case G_MTEXT:
	case G_FRAC_DEN:
		break;
	}
	return j;
}

/*
 * Does an upright group in math (\mathrm{...} with content at [from, to))
 * start a new word?  After a number, a letter or a closing bracket it does
 * ("12.5 mmol", "mmol g", "g^-1 h"), except an element symbol right after a
 * formula's subscript, which continues the formula ("Co3Mo3N").
 */
static int mtext_is_new_word(const struct nz *z, size_t from, size_t to)
{
	int c = last(z);
	if (!(is_alnum(c) || c == ')' || c == ']'))
		return 0;
	if (z->nt->len == z->chemsub_end) {
		while (from < to && z->src[from] == ' ')
			from++;
		if (from < to && is_upper((unsigned char)z->src[from]))
			return 0;
	}
	return 1;
}

/* A backslash command at i; returns the offset to continue from. */
static size_t command(struct nz *z, size_t i)
{
	const char *s = z->src;
	size_t j = i + 1, n, e;
	const char *name;
	if (j >= z->len) {
		put(z, '\\', i);
		return j;
	}
	if (!is_alpha((unsigned char)s[j])) {
		switch (s[j]) {
		case ' ': case ',': case ';': case ':':
			put_space(z, i);
			return j + 1;
		case '!':
			return j + 1;
		case '%': case '_': case '{': case '}': case '$': case '&': case '#':
			put(z, s[j], i);
			return j + 1;
		default:
			put(z, '\\', i);
			return j;
		}
	}
	name = s + j;
	while (j < z->len && is_alpha((unsigned char)s[j]))
		j++;
	n = (size_t)(s + j - name);
	if (name_is(name, n, "times"))
		return put_times(z, i, j);
	if (name_is(name, n, "cdot")) {
		size_t t = j;
		while (t < z->len && s[t] == ' ')
			t++;
		if (t < z->len && is_digit((unsigned char)s[t]) && is_digit(last_nonspace(z)))
			return put_times(z, i, j);
		put_space(z, i);
		return j;
	}
	if (is_text_command(name, n) || name_is(name, n, "frac") || name_is(name, n, "dfrac") ||
	    name_is(name, n, "tfrac")) {
		size_t t = j;
		while (t < z->len && s[t] == ' ')
			t++;
		if (t < z->len && s[t] == '{' && (e = match_brace(z, t)) != 0) {
			int frac = !is_text_command(name, n);
			enum group_kind k = frac ? G_FRAC_NUM : G_TEXT;
			if (!frac && z->math && name[0] != 't' && !name_is(name, n, "mbox")) {
				/*
				 * \mathrm{m m o l} as PDF-to-Markdown converters write
				 * math: spaces in math mode are not letters' gaps (TeX
				 * drops them), but one upright group after another is
				 * another word ("mmol g"), unless a formula goes on
				 * after its subscript (Co_{3}\mathrm{Mo}).
				 */
				k = G_MTEXT;
				trim_spaces(z);
				if (mtext_is_new_word(z, t + 1, e))
					put(z, ' ', i);
			}
			if (push(z, k) == 0)
				return t + 1;
		}
		return j;
	}
	if (name_is(name, n, "textsuperscript") || name_is(name, n, "textsubscript")) {
		if (j < z->len && s[j] == '{' && (e = match_brace(z, j)) != 0)
			return open_script(z, i, j, e, name[4] == 's' && name[5] == 'u' && name[6] == 'p');
		return j;
	}
	if (name_is(name, n, "rm") || name_is(name, n, "it") || name_is(name, n, "bf") ||
	    name_is(name, n, "left") || name_is(name, n, "right") ||
	    name_is(name, n, "displaystyle")) {
		while (j < z->len && s[j] == ' ')
			j++;
		return j;
	}
	if (name_is(name, n, "mu") || name_is(name, n, "upmu")) {
		put(z, 'u', i);
		while (j < z->len && s[j] == ' ')
			j++;
		return j;
	}
	if (name_is(name, n, "circ") || name_is(name, n, "degree")) {
		puts_at(z, "\xC2\xB0", i);
		return j;
	}
	if (name_is(name, n, "sim") || name_is(name, n, "approx")) {
		put(z, '~', i);
		return j;
	}
	if (name_is(name, n, "pm")) {
		puts_at(z, "\xC2\xB1", i);
		return j;
	}
	if (name_is(name, n, "le") || name_is(name, n, "leq")) {
		puts_at(z, "<=", i);
		return j;
	}
	if (name_is(name, n, "ge") || name_is(name, n, "geq")) {
		puts_at(z, ">=", i);
		return j;
	}
	if (name_is(name, n, "AA")) {
		puts_at(z, "\xC3\x85", i);
		return j;
	}
	/* unknown: kept as written */
	put(z, '\\', i);
	for (; name < s + j; name++)
		put(z, *name, (size_t)(name - s));
	return j;
}

/* Superscript run at i (first code point already known to be one). */
static size_t superscript(struct nz *z, size_t i)
{
	char run[64];
	size_t offs[64], j = i, n = 0, end, m;
	int has_sign = 0;
	for (;;) {
		uint32_t cp;
		size_t k = decode_at(z, j, &cp);
		int c = k ? sup_fold(cp) : 0;
		if (!c && n > 0 && (cp == ',' || is_dash(cp) || cp == '-')) {
			/* a comma or dash between superscript digits of a citation */
			uint32_t cp2;
			decode_at(z, j + k, &cp2);
			if (is_digit((unsigned char)run[n - 1]) && sup_fold(cp2) && is_digit(sup_fold(cp2))) {
				c = cp == ',' ? ',' : '-';
			}
		}
		if (!c || n + 1 >= sizeof(run))
			break;
		if (c == '+' || (c == '-' && n == 0))
			has_sign = 1;
		offs[n] = j;
		run[n++] = (char)c;
		j += k;
	}
	run[n] = '\0';
	end = j;
	if (!has_sign && citation_context(z) && strchr(run, '+') == NULL) {
		/* after a word or full stop: a citation marker */
		if (is_digit((unsigned char)run[n - 1])) {
			puts_at(z, "[cite:", i);
			for (m = 0; m < n; m++)
				put(z, run[m], offs[m]);   /* each digit points at its own */
			put(z, ']', end - 1);
			return end;
		}
	}
	trim_spaces(z);
	put(z, '^', i);
	for (m = 0; m < n; m++)
		put(z, run[m], offs[m]);   /* each folded byte points at its own */
	return end;
}

/* Subscript run at i: digits glued to the formula. */
static size_t subscript(struct nz *z, size_t i)
{
	size_t j = i;
	int prev = last_nonspace(z);
	if (is_alnum(prev) || prev == ')' || prev == ']')
		trim_spaces(z);
	for (;;) {
		uint32_t cp;
		size_t k = decode_at(z, j, &cp);
		int c = k ? sub_fold(cp) : 0;
		if (!c)
			break;
		put(z, (char)c, j);
		j += k;
	}
	return chem_join(z, j);
}

/* --- text as real papers print it ----------------------------------------------- */

/*
 * Does byte d at src[j] (with n bytes of output so far in out) start one of
 * the folds below, which the fast path leaves to the slow one?  Called for
 * the bytes of watched[] only: a byte it looks at must be listed there.
 */
static const unsigned char watched[256] = {
	['<'] = 1, ['['] = 1, ['&'] = 1, ['('] = 1, ['-'] = 1, ['o'] = 1, ['d'] = 1, ['\''] = 1,
	['3'] = 1, ['2'] = 1,
	/* and for the fast path itself: "imes", and spaces to collapse */
	['i'] = 1, [' '] = 1,
};

static inline int slow_start(unsigned char d, const char *out, size_t n, const char *src, size_t j,
			     size_t len)
{
	char l = n ? out[n - 1] : '\n';
	switch (d) {
	case '<':   /* inline HTML: <sup>-1</sup> */
		return j + 1 < len && (is_alpha((unsigned char)src[j + 1]) || src[j + 1] == '/');
	case '[':   /* [thin space (1/6-em)]: RSC's HTML names its thin spaces */
		return j + 1 < len && src[j + 1] == 't';
	case '&':   /* HTML entities: &deg; &#8722; */
		return j + 1 < len && (is_alpha((unsigned char)src[j + 1]) || src[j + 1] == '#');
	case '(':   /* 10(-3), s(-1): exponents in parentheses; NH(3): a subscript */
		return is_alnum(l) && j + 1 < len && (src[j + 1] == '-' || src[j + 1] == '+' ||
						      (unsigned char)src[j + 1] == 0xE2 ||
						      (is_alpha(l) && is_digit((unsigned char)src[j + 1])));
	case '-':   /* h -1: an exponent whose superscript became a spaced word */
		return l == ' ' && n >= 2 && is_alnum((unsigned char)out[n - 2]) && j + 1 < len &&
		       is_digit((unsigned char)src[j + 1]);
	case 'o': case 'd': case '\'':   /* 500 o C, 400 degrees Celsius, 35'C */
		return n >= 1 && (is_digit(l) || (l == ' ' && n >= 2 && is_digit((unsigned char)out[n - 2])));
	case '3': case '2':   /* NH 3: a subscript PDF text set apart */
		return l == ' ' && n >= 3 && out[n - 2] == 'H' && out[n - 3] == 'N';
	default:
		return 0;
	}
}

#define THIN_SPACE_WORDS "[thin space (1/6-em)]"

/* Is the output's end " x 10" (scientific notation waiting for its exponent)? */
static int after_times_ten(const struct nz *z)
{
	size_t n = z->nt->len;
	while (n && z->nt->text[n - 1] == ' ')
		n--;
	return n >= 5 && !memcmp(z->nt->text + n - 5, " x 10", 5);
}

/*
 * An exponent the source set apart: "h -1", "g −1" (a superscript that PDF
 * text spaced), "10(-3)", "s(-1)" (one written in parentheses), "x 10 -4".
 * At src[j], the sign; digits (one or two, no decimal point) must follow
 * and end the number.  Returns the length of sign and digits, or 0.
 */
static size_t exponent_digits(const struct nz *z, size_t j)
{
	uint32_t cp;
	size_t k = decode_at(z, j, &cp), t;
	if (!(cp == '-' || cp == '+' || is_dash(cp)))
		return 0;
	t = j + k;
	if (t >= z->len || !is_digit((unsigned char)z->src[t]))
		return 0;
	t++;
	if (t < z->len && is_digit((unsigned char)z->src[t]))
		t++;
	if (t < z->len && (is_digit((unsigned char)z->src[t]) ||
			   (z->src[t] == '.' && t + 1 < z->len && is_digit((unsigned char)z->src[t + 1]))))
		return 0;
	return t - j;
}

/*
 * A subscript written in parentheses, as PubMed prints <sub> in titles and
 * abstracts: "NH(3)", "TiH(2)", "BaTiO(2.5)H(0.5)".  At src[j] '(', a
 * number and ')' that glue to a formula: the word before is element
 * symbols and counts (a capital and at most one small letter each; "Table"
 * and "Fig" are words), the count has at most two digits before its point
 * ("N-C(450)" is a label) and no letter or digit follows.  Returns the length
 * from '(' to ')', or 0.
 */
static size_t paren_subscript(const struct nz *z, size_t j)
{
	const char *o = z->nt->text;
	size_t n = z->nt->len, b = n, t = j + 1, lower = 0;
	if (!n || !is_alpha((unsigned char)o[n - 1]))
		return 0;
	while (b > 0 && (is_alnum((unsigned char)o[b - 1]) || o[b - 1] == '.')) {
		unsigned char c = (unsigned char)o[b - 1];
		if (is_lower(c) && ++lower > 1)
			return 0;
		if (is_upper(c))
			lower = 0;
		b--;
	}
	if (!is_upper((unsigned char)o[b]) || lower)
		return 0;
	/* a count has one or two digits before its point: "C(450)" is a label */
	while (t < z->len && t < j + 4 && is_digit((unsigned char)z->src[t]))
		t++;
	if (t == j + 1 || t == j + 4)
		return 0;
	if (t + 1 < z->len && z->src[t] == '.' && is_digit((unsigned char)z->src[t + 1]))
		for (t++; t < z->len && t < j + 9 && is_digit((unsigned char)z->src[t]); t++)
			;
	if (t >= z->len || z->src[t] != ')')
		return 0;
	if (t + 1 < z->len && is_alnum((unsigned char)z->src[t + 1]) && !is_upper((unsigned char)z->src[t + 1]))
		return 0;
	return t + 1 - j;
}

/* Put the exponent at src[j] (sign and digits, n bytes) as "^-N". */
static void put_exponent(struct nz *z, size_t j, size_t n)
{
	uint32_t cp;
	size_t k = decode_at(z, j, &cp), m;
	trim_spaces(z);
	put(z, '^', j);
	put(z, cp == '+' ? '+' : '-', j);
	for (m = j + k; m < j + n; m++)
		put(z, z->src[m], m);
}

/* The unit word before the spaces at the output's end (see last_word_is_unit). */
static int spaced_unit_before(struct nz *z)
{
	size_t n = z->nt->len;
	int r;
	while (z->nt->len && z->nt->text[z->nt->len - 1] == ' ')
		z->nt->len--;
	r = last_word_is_unit(z) || after_times_ten(z);
	z->nt->len = n;
	return r;
}

/* Inline HTML that text copied from web pages keeps: tags that only style text. */
static size_t html_style_tag(const char *s, size_t len, size_t i)
{
	static const char *const tags[] = {
		"i", "b", "em", "strong", "u", "small", "span", "font", "br", "sup", "sub", "a"
	};
	size_t j = i + 1, e, k, n;
	if (j < len && s[j] == '/')
		j++;
	for (e = j; e < len && is_alpha((unsigned char)s[e]); e++)
		;
	n = e - j;
	for (k = 0; k < ARRAY_SIZE(tags); k++)
		if (strlen(tags[k]) == n && !memcmp(tags[k], s + j, n))
			break;
	if (k == ARRAY_SIZE(tags) || e >= len)
		return 0;
	/* attributes, up to '>' on the same line */
	while (e < len && e < i + 200 && s[e] != '>' && s[e] != '\n' && s[e] != '<')
		e++;
	if (e >= len || s[e] != '>')
		return 0;
	return e + 1 - i;
}

/* Offset of the "</sup>" or "</sub>" closing the tag at i (same line, near), or 0. */
static size_t html_script_close(const char *s, size_t len, size_t i, int sup)
{
	const char *close = sup ? "</sup>" : "</sub>";
	size_t j;
	for (j = i + 5; j + 6 <= len && j < i + 5 + GROUP_LOOKAHEAD; j++) {
		if (s[j] == '\n' || (s[j] == '<' && memcmp(s + j, close, 6) != 0))
			return 0;
		if (s[j] == '<')
			return j;
	}
	return 0;
}

/* An HTML entity at i: its code point, and its length in *n; 0 when none. */
static uint32_t html_entity(const char *s, size_t len, size_t i, size_t *n)
{
	static const struct { const char *name; uint32_t cp; } ents[] = {
		{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "nbsp", 0xA0 }, { "thinsp", 0x2009 },
		{ "minus", 0x2212 }, { "ndash", 0x2013 }, { "mdash", 0x2014 }, { "deg", 0xB0 },
		{ "micro", 0xB5 }, { "mu", 0x3BC }, { "times", 0xD7 }, { "middot", 0xB7 },
		{ "sim", 0x223C }, { "asymp", 0x2248 }, { "plusmn", 0xB1 }, { "quot", '"' },
		{ "apos", '\'' }, { "le", 0x2264 }, { "ge", 0x2265 },
	};
	size_t j = i + 1, k;
	uint32_t cp = 0;
	if (j < len && s[j] == '#') {
		int hex = j + 1 < len && (s[j + 1] == 'x' || s[j + 1] == 'X');
		size_t d = 0;
		j += hex ? 2 : 1;
		for (; j < len && d < 7; j++, d++) {
			int c = (unsigned char)s[j], v;
			if (is_digit(c))
				v = c - '0';
			else if (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
				v = (c | 32) - 'a' + 10;
			else
				break;
			cp = cp * (hex ? 16 : 10) + (uint32_t)v;
		}
		if (!d || j >= len || s[j] != ';' || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		*n = j + 1 - i;
		return cp;
	}
	for (k = 0; k < ARRAY_SIZE(ents); k++) {
		size_t m = strlen(ents[k].name);
		if (j + m < len && !memcmp(s + j, ents[k].name, m) && s[j + m] == ';') {
			*n = m + 2;
			return ents[k].cp;
		}
	}
	return 0;
}

/*
 * A degree sign damaged by PDF or OCR text after a number: "450 • C",
 * "500 o C", "500 oC", "35'C", and words: "400 degrees Celsius",
 * "400 degree C", "400 deg C".  At src[i], the damaged sign; returns the
 * length up to and including the C, or 0.
 */
static size_t damaged_degree(const struct nz *z, size_t i)
{
	static const char *const words[] = {
		"degrees Celsius", "degree Celsius", "degrees centigrade", "degrees C", "degree C",
		"deg C", "deg. C", "o C", "oC", "'C", "' C"
	};
	size_t k, t;
	if (!is_digit(last_nonspace(z)))
		return 0;
	for (k = 0; k < ARRAY_SIZE(words); k++) {
		size_t m = strlen(words[k]);
		if (i + m <= z->len && !memcmp(z->src + i, words[k], m)) {
			t = i + m;
			if (t < z->len && is_alnum((unsigned char)z->src[t]))
				continue;
			return m;
		}
	}
	/* the bullet U+2022 */
	if (i + 3 <= z->len && !memcmp(z->src + i, "\xE2\x80\xA2", 3)) {
		t = i + 3;
		while (t < z->len && z->src[t] == ' ')
			t++;
		if (t < z->len && z->src[t] == 'C' && (t + 1 >= z->len || !is_alnum((unsigned char)z->src[t + 1])))
			return t + 1 - i;
	}
	return 0;
}

/* "°C" for the damaged sign at src[off], n bytes up to its C: each byte maps to its own. */
static void put_degree_c(struct nz *z, size_t off, size_t n)
{
	size_t c = off + n;
	while (c > off && z->src[c - 1] != 'C')
		c--;
	puts_at(z, "\xC2\xB0", off);
	put(z, 'C', c > off ? c - 1 : off);
}

/* An HTML entity at i, folded as the character it names; returns the offset after it. */
static size_t entity(struct nz *z, size_t i, uint32_t cp, size_t n)
{
	char u[4];
	size_t m, k;
	if (cp == 0xA0 || cp == 0x2009) {
		put_space(z, i);
	} else if (is_dash(cp)) {
		if (last(z) == ' ' && (k = exponent_digits(z, i + n)) != 0 && spaced_unit_before(z)) {
			/* "h &minus;1" */
			put_exponent(z, i + n, k);
			return i + n + k;
		}
		put(z, '-', i);
	} else if (cp == 0xB5 || cp == 0x3BC) {
		put(z, 'u', i);
	} else if (cp == 0xD7) {
		return put_times(z, i, i + n);
	} else if (cp == 0xB7) {
		put_space(z, i);
	} else if (cp == 0x223C || cp == 0x2248) {
		put(z, '~', i);
	} else if (cp == 0x2264 || cp == 0x2265) {
		puts_at(z, cp == 0x2264 ? "<=" : ">=", i);
	} else if (cp == 0xB0) {
		size_t t = i + n;
		while (t < z->len && z->src[t] == ' ')
			t++;
		puts_at(z, "\xC2\xB0", i);
		if (t < z->len && z->src[t] == 'C' && (t + 1 >= z->len || !is_alpha((unsigned char)z->src[t + 1])))
			return t;
	} else {
		m = utf8_encode(cp, u);
		for (k = 0; k < m; k++)
			put(z, u[k], i);
	}
	return i + n;
}

/*
 * Bytes that stand for themselves outside LaTeX groups and math: ASCII
 * printable but for $ \\ { } _ ^ (and 'i', checked for "imes").
 */
static const unsigned char plain[256] = {
	[' '] = 1, ['!'] = 1, ['"'] = 1, ['#'] = 1, ['%'] = 1, ['&'] = 1, ['\''] = 1, ['('] = 1,
	[')'] = 1, ['*'] = 1, ['+'] = 1, [','] = 1, ['-'] = 1, ['.'] = 1, ['/'] = 1,
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
	['8'] = 1, ['9'] = 1, [':'] = 1, [';'] = 1, ['<'] = 1, ['='] = 1, ['>'] = 1, ['?'] = 1,
	['@'] = 1, ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
	['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1,
	['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1,
	['X'] = 1, ['Y'] = 1, ['Z'] = 1, ['['] = 1, [']'] = 1, ['`'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
	['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
	['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1, ['|'] = 1, ['~'] = 1,
};

/* --- math as PDF-to-Markdown converters write it ------------------------------ */

/*
 * A space in math at i between the digits of one number ("1 2 . 5", as
 * converters space every token of $1 2 . 5 \mathrm { m m o l }$), or next
 * to a slash ("\mathrm { R u } / \mathrm { M g O }"): TeX sets no gap
 * there, so neither does the canonical text.
 */
static int math_number_gap(const struct nz *z, size_t i)
{
	int c = last(z);
	size_t j = i;
	while (j < z->len && z->src[j] == ' ')
		j++;
	/* nor around a slash, before a closing bracket or a percent sign, after "~" */
	if (c == '/' || c == '(' || c == '~' ||
	    (j < z->len && (z->src[j] == '/' || z->src[j] == ')' || z->src[j] == '%' ||
			    (z->src[j] == '\\' && j + 1 < z->len && z->src[j + 1] == '%'))))
		return 1;
	if (!(is_digit(c) || c == '.'))
		return 0;
	if (j < z->len && is_digit((unsigned char)z->src[j]))
		return 1;
	if (j >= z->len || z->src[j] != '.' || !is_digit(c))
		return 0;
	/* "1 . 1 1": the point only when a digit follows it */
	for (j++; j < z->len && z->src[j] == ' '; j++)
		;
	return j < z->len && is_digit((unsigned char)z->src[j]);
}

/*
 * A space at i inside \\mathrm{...} between tokens of one character each,
 * as converters space them ("\\mathrm { m m o l }", "\\mathrm { N i - B a }"):
 * not a gap.  Words of several letters keep theirs ("\\mathrm{mmol g}").
 */
static int mtext_letter_gap(const struct nz *z, size_t i)
{
	const char *s = z->src;
	size_t j = i + 1;
	if (z->depth == 0 || z->stack[z->depth - 1] != G_MTEXT || i < 2)
		return 0;
	if (s[i - 1] == ' ' || !(s[i - 2] == ' ' || s[i - 2] == '{'))
		return 0;
	while (j < z->len && s[j] == ' ')
		j++;
	return j + 1 < z->len && s[j] != '\\' &&
	       (s[j + 1] == ' ' || s[j + 1] == '}' || s[j + 1] == '_' || s[j + 1] == '^');
}

/*
 * The '{' of the group after the '^' or '_' at i, or 0: right after it, or
 * in math after spaces ("^ { - 1 }").
 */
static size_t script_brace(const struct nz *z, size_t i)
{
	size_t j = i + 1;
	if (z->math)
		while (j < z->len && z->src[j] == ' ')
			j++;
	return j < z->len && z->src[j] == '{' ? j : 0;
}

/* "^\circ" (or "^ \circ") at i in math: the offset after it, or 0. */
static size_t math_degree(const struct nz *z, size_t i)
{
	size_t j = i + 1;
	while (j < z->len && z->src[j] == ' ')
		j++;
	if (j + 5 <= z->len && memcmp(z->src + j, "\\circ", 5) == 0 &&
	    (j + 5 == z->len || !is_alpha((unsigned char)z->src[j + 5])))
		return j + 5;
	return 0;
}

void normalize_text(const char *src, size_t len, struct normtext *nt)
{
	struct nz z;
	size_t i = 0;

	z.src = src;
	z.len = len;
	z.nt = nt;
	z.math = 0;
	z.depth = 0;
	z.chemsub_end = (size_t)-1;
	nt->len = 0;
	reserve(nt, len + len / 8 + 16);

	while (i < len) {
		unsigned char b = (unsigned char)src[i];
		uint32_t cp;
		size_t k, e;
		int c;

		if (plain[b] && z.depth == 0 && !z.math) {
			/*
			 * The fast path: a run of bytes that fold to themselves,
			 * spaces collapsed, copied without a call per byte.
			 */
			size_t j = i, n = nt->len, alloc;
			char *out;
			size_t *map;
			reserve(nt, n + 2 * (len - i < 4096 ? len - i : 4096) + 2);
			/* in locals: a store through char * would make the compiler reload them each byte */
			out = nt->text;
			map = nt->map;
			alloc = nt->alloc;
			while (j < len && n + 2 < alloc) {
				unsigned char d = (unsigned char)src[j];
				if (!plain[d])
					break;
				/* most bytes are copied as they are; the watched ones are looked at */
				if (watched[d]) {
					if (d == 'i' && j + 1 < len && src[j + 1] == 'm')
						break;
					/* bytes that may start a fold the slow path makes */
					if (slow_start(d, out, n, src, j, len))
						break;
					if (d == ' ') {
						char l = n ? out[n - 1] : '\n';
						if (l == ' ' || l == '\n' || l == '\t') {
							j++;
							continue;
						}
					}
				}
				out[n] = (char)d;
				map[n] = j;
				n++;
				j++;
			}
			nt->len = n;
			if (j > i) {
				i = j;
				continue;
			}
		}

		if (b < 0x80) {
			switch (b) {
			case '\r':
				if (i + 1 < len && src[i + 1] == '\n') {
					i++;
					continue;
				}
				/* FALLTHROUGH */
			case '\n':
				trim_spaces(&z);
				put(&z, '\n', i);
				z.math = 0;
				z.depth = 0;
				i++;
				continue;
			case '\t':
				trim_spaces(&z);
				put(&z, '\t', i);
				i++;
				continue;
			case 0x02: case 0x03: case 0x04: case 0x05:
				/*
				 * control codes for signs, as pdftotext passes on RSC's
				 * Advent fonts: "mM\x03 1" mM^-1, and ×, ±, °
				 */
				if (b == 0x03) {
					size_t t = i + 1;
					while (t < len && src[t] == ' ')
						t++;
					if (t < len && is_digit((unsigned char)src[t]) && is_alpha(last(&z))) {
						put(&z, '^', i);
						put(&z, '-', i);
						i = t;
						continue;
					}
					put(&z, '-', i);
				} else if (b == 0x02) {
					i = put_times(&z, i, i + 1);
					continue;
				} else {
					puts_at(&z, b == 0x04 ? "\xC2\xB1" : "\xC2\xB0", i);
				}
				i++;
				continue;
			case ' ':
				if (z.math && (math_number_gap(&z, i) || mtext_letter_gap(&z, i))) {
					i++;
					continue;
				}
				put_space(&z, i);
				i++;
				continue;
			case '~':
				if (!z.math)
					break;
				/* a tie in math: a space that is kept */
				if (last(&z) != ' ')
					put(&z, ' ', i);
				i++;
				continue;
			case '$':
				/* $...$ and $$...$$ (display math) switch math on and off */
				if (z.math)
					trim_spaces(&z);   /* "$ r = k $": no gap before the closing $ */
				z.math = !z.math;
				i += i + 1 < len && src[i + 1] == '$' ? 2 : 1;
				continue;
			case '\\':
				i = command(&z, i);
				continue;
			case '{':
				if ((e = match_brace(&z, i)) != 0 && push(&z, z.math ? G_DROP : G_KEEP) == 0) {
					if (!z.math)
						put(&z, '{', i);
					i++;
					continue;
				}
				put(&z, '{', i);
				i++;
				continue;
			case '}':
				if (z.depth > 0) {
					i = close_group(&z, i);
					continue;
				}
				put(&z, '}', i);
				i++;
				continue;
			case '_': {
				size_t t = script_brace(&z, i);
				if (t && (e = match_brace(&z, t)) != 0) {
					i = open_script(&z, i, t, e, 0);
					continue;
				}
			}
				c = last_nonspace(&z);
				if (i + 1 < len && is_digit((unsigned char)src[i + 1]) &&
				    (is_alpha(c) || c == ')')) {
					/* NH_3 */
					trim_spaces(&z);
					i++;
					continue;
				}
				if (i + 1 < len && is_alpha((unsigned char)src[i + 1]) && is_alnum(c))
					trim_spaces(&z);
				put(&z, '_', i);
				i++;
				continue;
			case '^': {
				size_t t = script_brace(&z, i);
				if (t && (e = match_brace(&z, t)) != 0) {
					i = open_script(&z, i, t, e, 1);
					continue;
				}
				if (z.math && (t = math_degree(&z, i)) != 0) {
					/* $^\circ$C */
					trim_spaces(&z);
					puts_at(&z, "\xC2\xB0", i);
					i = t;
					continue;
				}
			}
				trim_spaces(&z);
				put(&z, '^', i);
				i++;
				continue;
			case '[':
				/*
				 * "16[thin space (1/6-em)]817.3": text copied from RSC's
				 * HTML writes out the thin spaces of its numbers
				 */
				if (len - i >= sizeof(THIN_SPACE_WORDS) - 1 &&
				    !memcmp(src + i, THIN_SPACE_WORDS, sizeof(THIN_SPACE_WORDS) - 1)) {
					put_space(&z, i);
					i += sizeof(THIN_SPACE_WORDS) - 1;
					continue;
				}
				break;
			case '<': {
				size_t tl = html_style_tag(src, len, i);
				int sup = tl && (src[i + 1] == 's' && src[i + 2] == 'u' && src[i + 3] == 'p');
				int sub = tl && (src[i + 1] == 's' && src[i + 2] == 'u' && src[i + 3] == 'b');
				if (tl && (sup || sub) && tl == 5 && (e = html_script_close(src, len, i, sup)) != 0) {
					/* <sup>-1</sup>, <sub>3</sub>: as ^{-1} and _{3}, the tags as braces */
					size_t r = open_script(&z, i, i + 4, e, sup);
					i = r == e + 1 ? e + 6 : r;
					continue;
				}
				if (tl == 6 && src[i + 1] == '/' && (src[i + 4] == 'p' || src[i + 4] == 'b') &&
				    src[i + 2] == 's' && z.depth > 0 &&
				    (z.stack[z.depth - 1] == G_SUP || z.stack[z.depth - 1] == G_SUB ||
				     z.stack[z.depth - 1] == G_CHEMSUB)) {
					size_t r = close_group(&z, i + 5);
					i = r;
					continue;
				}
				if (tl) {
					/* a tag that only styles text: gone (a line break: a space) */
					if (src[i + 1] == 'b' && src[i + 2] == 'r')
						put_space(&z, i);
					i += tl;
					continue;
				}
				break;
			}
			case '&': {
				size_t n = 0;
				uint32_t ecp = html_entity(src, len, i, &n);
				if (ecp) {
					i = entity(&z, i, ecp, n);
					continue;
				}
				break;
			}
			case '(': {
				/* 10(-3), s(-1): an exponent in parentheses after a unit or " x 10" */
				size_t n = exponent_digits(&z, i + 1);
				if (n && i + 1 + n < len && src[i + 1 + n] == ')' &&
				    (last_word_is_unit(&z) || after_times_ten(&z))) {
					put_exponent(&z, i + 1, n);
					i += n + 2;
					continue;
				}
				/* NH(3), BaTiO(2.5)H(0.5): subscripts in parentheses */
				if ((n = paren_subscript(&z, i)) != 0) {
					size_t m;
					for (m = i + 1; m < i + n - 1; m++)
						put(&z, src[m], m);
					i += n;
					continue;
				}
				break;
			}
			case '-': {
				size_t n;
				if (last(&z) == ' ' && (n = exponent_digits(&z, i)) != 0 && spaced_unit_before(&z)) {
					put_exponent(&z, i, n);
					i += n;
					continue;
				}
				break;
			}
			case 'o': case 'd': case '\'': {
				size_t n = damaged_degree(&z, i);
				if (n) {
					put_degree_c(&z, i, n);
					i += n;
					continue;
				}
				break;
			}
			case '2': case '3': {
				/* "NH 3": the subscript of NH3 set apart by PDF text */
				size_t n = nt->len;
				if (n >= 3 && nt->text[n - 1] == ' ' && nt->text[n - 2] == 'H' && nt->text[n - 3] == 'N' &&
				    (n == 3 || !is_alpha((unsigned char)nt->text[n - 4]) ||
				     (nt->text[n - 4] >= 'a' && nt->text[n - 4] <= 'z')) &&
				    (i + 1 >= len || !(is_digit((unsigned char)src[i + 1]) || src[i + 1] == '.'))) {
					trim_spaces(&z);
					put(&z, (char)b, i);
					i++;
					continue;
				}
				break;
			}
			case 'i':
				/* "10.3 imes10^{-3}": \times that lost its \t */
				if (i + 4 <= len && memcmp(src + i, "imes", 4) == 0 &&
				    (i == 0 || !is_alpha((unsigned char)src[i - 1])) &&
				    is_digit(last_nonspace(&z))) {
					size_t t = i + 4;
					while (t < len && src[t] == ' ')
						t++;
					if (t < len && is_digit((unsigned char)src[t])) {
						i = put_times(&z, i, i + 4);
						continue;
					}
				}
				break;
			case 'm':
				/* "$ m NH_3$", "_{ m cat}": \rm that lost its \r */
				if ((z.math || z.depth > 0) && i > 0 && i + 2 < len && src[i + 1] == ' ' &&
				    !(z.depth > 0 && z.stack[z.depth - 1] == G_MTEXT) &&
				    is_alpha((unsigned char)src[i + 2]) &&
				    (src[i - 1] == '{' || src[i - 1] == '$' ||
				     (src[i - 1] == ' ' && i > 1 && (src[i - 2] == '{' || src[i - 2] == '$')))) {
					/* only where a group or math starts: "$5 m s^{-1}$" keeps its metre */
					i += 2;
					continue;
				}
				break;
			default:
				break;
			}
			put(&z, (char)b, i);
			i++;
			continue;
		}

		k = decode_at(&z, i, &cp);
		if ((c = sup_fold(cp)) != 0) {
			i = superscript(&z, i);
			continue;
		}
		if ((c = sub_fold(cp)) != 0) {
			i = subscript(&z, i);
			continue;
		}
		if (is_dash(cp)) {
			size_t n;
			if (last(&z) == ' ' && (n = exponent_digits(&z, i)) != 0 && spaced_unit_before(&z)) {
				/* "h −1": a superscript that PDF text set apart */
				put_exponent(&z, i, n);
				i += n;
				continue;
			}
			put(&z, '-', i);
			i += k;
			continue;
		}
		if (is_uspace(cp)) {
			put_space(&z, i);
			i += k;
			continue;
		}
		switch (cp) {
		case 0x200B: case 0x200C: case 0x200D: case 0xFEFF: case 0x00AD:
			/* zero-width characters, BOM, soft hyphen */
			i += k;
			continue;
		case 0x03BC: case 0x00B5: {
			/* micro; "μ mol" written apart */
			size_t t = i + k;
			put(&z, 'u', i);
			while (t < len && src[t] == ' ')
				t++;
			if (t > i + k && t < len && (src[t] == 'm' || src[t] == 'g' || src[t] == 'L'))
				i = t;
			else
				i += k;
			continue;
		}
		case 0x00D7:
			i = put_times(&z, i, i + k);
			continue;
		case 0x223C: case 0x2248: case 0xFF5E:
			/* approximately: ∼ (tilde operator), ≈, the full-width tilde */
			put(&z, '~', i);
			i += k;
			continue;
		case 0x2022: {
			/* "450 • C": a degree sign that PDF text turned into a bullet */
			size_t n = damaged_degree(&z, i);
			if (n) {
				put_degree_c(&z, i, n);
				i += n;
				continue;
			}
			break;
		}
		case 0x00B7: case 0x22C5: {
			/* a product: 2.53·10⁻² is scientific notation, mmol·g⁻¹ two units */
			size_t t = i + k;
			while (t < len && src[t] == ' ')
				t++;
			if (is_digit(last_nonspace(&z)) && t < len && is_digit((unsigned char)src[t])) {
				i = put_times(&z, i, i + k);
				continue;
			}
			put_space(&z, i);
			i += k;
			continue;
		}
		case 0x2103:
			puts_at(&z, "\xC2\xB0", i);
			put(&z, 'C', i);
			i += k;
			continue;
		case 0x00B0: case 0x00BA: case 0x02DA: {
			/*
			 * "° C" -> "°C"; the masculine ordinal º and the ring ˚
			 * that PDF fonts give for a degree sign, before C or F
			 */
			size_t t = i + k;
			int unit;
			while (t < len && (src[t] == ' ' || (unsigned char)src[t] == 0xC2))
				if (src[t] == ' ')
					t++;
				else if (t + 1 < len && (unsigned char)src[t + 1] == 0xA0)
					t += 2;
				else
					break;
			unit = t < len && (src[t] == 'C' || src[t] == 'F') &&
			       (t + 1 >= len || !is_alpha((unsigned char)src[t + 1]));
			if (cp != 0x00B0 && !unit)
				break;
			put(&z, (char)0xC2, i);
			put(&z, (char)0xB0, i);
			i = unit ? t : i + k;
			continue;
		}
		case 0x00A9: {
			/* FeN4©G-K: © misread for @ inside a formula */
			uint32_t nx;
			decode_at(&z, i + k, &nx);
			if (is_alnum(last(&z)) && nx < 0x80 && is_alnum((int)nx)) {
				put(&z, '@', i);
				i += k;
				continue;
			}
			break;
		}
		case 0xFFFD:
			puts_at(&z, "\xEF\xBF\xBD", i);
			i += k;
			continue;
		case 0x00C0: case 0x00C2: case 0x00C6: {
			/*
			 * the signs of RSC's older Advent fonts as pdftotext passes
			 * them on: "sÀ1" s^-1, "3.4 Â 10À3" 3.4 x 10^-3, "596 Æ 2"
			 * 596 ± 2; as letters they never stand between numbers
			 */
			size_t t = i + k;
			while (cp != 0x00C0 && t < len && src[t] == ' ')
				t++;
			if (t >= len || !is_digit((unsigned char)src[t]))
				break;
			if (cp == 0x00C0 && is_alnum(last(&z))) {
				put(&z, '-', i);
				i += k;
				continue;
			}
			if (cp != 0x00C0 && is_digit(last_nonspace(&z)) &&
			    (cp == 0x00C6 || (t + 2 <= len && !memcmp(src + t, "10", 2)))) {
				if (cp == 0x00C2) {
					i = put_times(&z, i, i + k);
				} else {
					put_space(&z, i);
					puts_at(&z, "\xC2\xB1", i);
					put(&z, ' ', i);
					i = t;
				}
				continue;
			}
			break;
		}
		default:
			break;
		}
		{
			/* anything else: the code point as it is */
			size_t m;
			for (m = 0; m < k; m++)
				put(&z, src[i + m], i);
			i += k;
		}
	}
	reserve(nt, nt->len + 1);
	nt->text[nt->len] = '\0';
	nt->map[nt->len] = len;
}

void linemap_build(struct linemap *lm, const char *src, size_t len)
{
	size_t i, n = 1, alloc = 0;
	lm->start = NULL;
	lm->start = xgrow(lm->start, &alloc, 64, sizeof(size_t));
	lm->start[0] = 0;
	for (i = 0; i < len; i++) {
		if (src[i] == '\n') {
			lm->start = xgrow(lm->start, &alloc, n + 1, sizeof(size_t));
			lm->start[n++] = i + 1;
		}
	}
	lm->n = n;
}

void linemap_release(struct linemap *lm)
{
	free(lm->start);
	lm->start = NULL;
	lm->n = 0;
}

void linemap_lookup(const struct linemap *lm, const char *src, size_t off, long *line, long *col)
{
	size_t lo = 0, hi = lm->n;
	/* the last line start <= off */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (lm->start[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (long)lo + 1;
	*col = (long)utf8_count(src + lm->start[lo], off - lm->start[lo]) + 1;
}
