/*
 * rules.c: the rule catalogue, the rules-file parser and waivers (see
 * rules.h).  The compiled defaults here and rules/default.rules must say
 * the same; check_rules reads the file and compares.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "rules.h"

const struct rule_info rule_table[RULE_COUNT] = {
	[R_SCHEMA_NUMBER] = { "schema-number", DIAG_ERROR,
		"a numeric column holds something other than a plain decimal",
		"Numbers are stored in the canonical unit of their column as plain\n"
		"decimals (2.7, 0.0253, 60000, -5): an optional minus sign, digits,\n"
		"and optionally a point followed by digits.  No units, no exponents\n"
		"(3.5e2), no leading '+' or '.', no blanks or thousands separators,\n"
		"at most 40 characters, and zero or a magnitude from 0.000000000000001\n"
		"to below 1000000000000000 (anything beyond is an overflow or\n"
		"underflow, which nh3cat never writes).  Convert the value (nh3cat\n"
		"units helps) and keep the text as written in evidence.\n" },
	[R_SCHEMA_ENUM] = { "schema-enum", DIAG_ERROR,
		"source, site_type, method or status outside its values",
		"source is table, text or caption; site_type SAC, SCC, BCC, NP, bulk\n"
		"or empty (nh3cat validate --explain site-type defines them); method\n"
		"experiment or computed; status extracted, reviewed or rejected\n"
		"(never empty).\n" },
	[R_SCHEMA_LOADING] = { "schema-loading", DIAG_ERROR,
		"loading_wt neither \"3.8\" nor \"Ru:1.17;Co:0.41\"",
		"loading_wt is the metal content in wt%: one number for a single\n"
		"active metal, or METAL:PERCENT pairs separated by ';' when there are\n"
		"several.  Each percentage lies between 0 and 100.\n" },
	[R_SCHEMA_REF] = { "schema-ref", DIAG_ERROR,
		"ref not a list of reference numbers",
		"ref holds the number(s) of the cited primary paper in the source\n"
		"document's reference list: \"95\", or \"81;82\" for several.\n" },
	[R_SCHEMA_METALS] = { "schema-metals", DIAG_ERROR,
		"metals not a ';'-separated list of element symbols",
		"metals lists the active metals as element symbols with their usual\n"
		"capitalisation, separated by ';' (Ru;Co).\n" },
	[R_VALUE_RANGE] = { "value-range", DIAG_ERROR,
		"a value outside its plausible range",
		"Each numeric column has a plausible range, set by \"range\" lines of\n"
		"the rules file (temperature 20-700 degC, pressure 0.01-30 MPa, ...).\n"
		"A value outside it is most often a unit slip: umol read as mmol, K\n"
		"as degC, bar as MPa, a rate per gram of metal in the per-catalyst\n"
		"column.  A true outlier can be waived with its reason.\n" },
	[R_REVIEWED_REQUIRED] = { "reviewed-required", DIAG_ERROR,
		"a reviewed entry without a catalyst or without any value",
		"An entry marked reviewed is a curated fact: it names its catalyst\n"
		"and reports at least one value (rate per catalyst or per metal,\n"
		"TOF, or Ea).  Fill the field or set status back to extracted.\n" },
	[R_REVIEWED_CONDITIONS] = { "reviewed-conditions", DIAG_WARNING,
		"a reviewed rate or TOF without its temperature or pressure",
		"A rate or a turnover frequency means little without the conditions\n"
		"it was measured at.  A reviewed entry with a rate or TOF should give\n"
		"temperature_C and pressure_MPa (an apparent activation energy spans a\n"
		"temperature range and needs neither).\n" },
	[R_SITE_TYPE_SIZE] = { "site-type-size", DIAG_ERROR,
		"the declared site type contradicts the particle size",
		"Nanoparticles (NP) start at the np-min-size boundary (2 nm): a\n"
		"single-atom (SAC) or single-cluster (SCC) catalyst cannot be that\n"
		"large, and an NP cannot be smaller.  A SAC shows no particle larger\n"
		"than sac-max-size (0.5 nm).  The size is size_nm, or the size written\n"
		"in the catalyst name (\"Ru-2.8 nm\", \"2.0 nm Ru NCs\").  BCC may be\n"
		"any size.\n" },
	[R_SITE_TYPE_METALS] = { "site-type-metals", DIAG_ERROR,
		"the declared site type contradicts the number of active metals",
		"A bimetallic-cluster catalyst (BCC) has two or more active metals; a\n"
		"SAC, SCC or NP catalyst has one.  Active metals come from the metals\n"
		"column, else from the catalyst name and loading; promoters (K, Cs,\n"
		"Ba), support elements (Ce in CeO2, Mg in MgO) and non-metals do not\n"
		"count.\n" },
	[R_SITE_TYPE_NAME] = { "site-type-name", DIAG_WARNING,
		"the catalyst name marks a different site type than declared",
		"Names carry their site type: SAC/SAs/single atom/M-Nx/M1 for single\n"
		"atoms, ACCs/NCs/clusters/dimers for clusters, NPs/nanoparticles for\n"
		"nanoparticles, SAA/alloy for bimetallics.  A bimetallic named a\n"
		"nanoparticle alloy (NPA) in the BCC group is reported too: BCC means\n"
		"bimetallic clusters.\n" },
	[R_SITE_TYPE_INFERRED] = { "site-type-inferred", DIAG_NOTE,
		"site_type is empty; the classifier infers one",
		"The site type follows from the catalyst name, the size and the\n"
		"active metals.  nh3cat extract fills an empty site_type with the\n"
		"inferred type and lists site_type in derived; this note shows what\n"
		"it would be for a row left empty.\n" },
	[R_LOADING_RATE] = { "loading-rate", DIAG_ERROR,
		"per-metal and per-catalyst rates disagree with the loading",
		"A rate per gram of metal times the metal's loading (wt%/100) is the\n"
		"rate per gram of catalyst.  The check runs within an entry and\n"
		"between entries of one document with the same catalyst and\n"
		"conditions; rate-tolerance sets the relative slack, on top of the\n"
		"rounding of the numbers as written.\n" },
	[R_TOF_HIGH] = { "tof-high", DIAG_WARNING,
		"a TOF faster than any NH3 synthesis catalyst turns over",
		"The best catalysts for ammonia synthesis turn over well below one\n"
		"NH3 molecule per site and second (0.001 to 1 s^-1 at 300 to 450 degC).\n"
		"A tof_s above tof-max (5 s^-1) is more likely a space velocity: a\n"
		"bare 60000 h^-1 read as a TOF gives 16.7 s^-1.  Or a rate per gram\n"
		"was read as a TOF, or the sites were counted too few.  Check the\n"
		"unit in the source; waive it with the reason when the paper does\n"
		"report such a TOF (a computed one, or an extreme condition).\n" },
	[R_RATE_OUTLET] = { "rate-outlet", DIAG_WARNING,
		"a rate that the outlet NH3 concentration and the WHSV contradict",
		"With the outlet NH3 concentration y (outlet_nh3_pct / 100) and the\n"
		"space velocity WHSV of the feed, an entry implies the rate\n"
		"\n"
		"    rate = WHSV * y / (22.414 * (1 + y))   mmol g_cat^-1 h^-1\n"
		"\n"
		"assuming: WHSV in mL of feed gas at STP (0 degC, 101.325 kPa) per\n"
		"gram of catalyst per hour; an ideal gas (22.414 mL mmol^-1); a feed\n"
		"of N2 and H2 without NH3; the outlet concentration a mole (= volume)\n"
		"fraction of the effluent, which has shrunk by one mole per mole of\n"
		"NH3 formed (the 1 + y).  A reported rate more than outlet-tolerance\n"
		"(15 %) away from it, beyond the rounding of the numbers as written,\n"
		"is reported: one of the three was misread, or the WHSV was given at\n"
		"other conditions (then waive it with the reason).\n" },
	[R_DUPLICATE_ID] = { "duplicate-id", DIAG_ERROR,
		"two entries share an id",
		"Entry ids (KEY:N) are stable handles for waivers and reports; each\n"
		"must be unique in its file.\n" },
	[R_DUPLICATE] = { "duplicate", DIAG_WARNING,
		"the same fact entered twice",
		"Two entries from the same place kind (table, text) of one document\n"
		"with the same catalyst, conditions and values count the fact twice\n"
		"in every report.  A cell one copy leaves empty (no loading, no\n"
		"size) does not tell them apart.  Each set of repeats is reported\n"
		"once, on its second entry, with how many more there are.  Reject\n"
		"all but one.\n" },
	[R_VALUE_CONFLICT] = { "value-conflict", DIAG_ERROR,
		"the same catalyst at the same conditions with different values",
		"When a document gives a value for one catalyst at one set of\n"
		"conditions in a table and again in its text, the two must agree (to\n"
		"the rounding of the less precise one, plus value-tolerance).  One of\n"
		"them was misread, or the document contradicts itself.  An entry is\n"
		"compared with the 32 nearest of its catalyst by temperature, and\n"
		"gets one finding a column, counting the others.\n" },
	[R_SAME_VALUE] = { "same-value", DIAG_WARNING,
		"one catalyst's prose gives the same value at two sets of conditions",
		"When the text of a document gives one catalyst the same rate, TOF or\n"
		"Ea in two places at two temperatures or pressures, one of the two\n"
		"most likely took its conditions from another sentence (a rate at\n"
		"623 K given the 573 K of the sentence before).  Check both sentences;\n"
		"a paper that does repeat a value can be waived.\n" },
	[R_FOLD_RATIO] = { "fold-ratio", DIAG_ERROR,
		"a fold-ratio stated in the evidence that the values contradict",
		"Evidence such as \"8.54 ..., ~1.8- and 3.3-fold that of the Co SAC\n"
		"(4.60) and Co NPs (2.55)\" states ratios between entries of the same\n"
		"sentence.  Each stated ratio must match the entries' values within\n"
		"fold-tolerance.\n" },
	[R_ARRHENIUS_FIT] = { "arrhenius-fit", DIAG_WARNING,
		"an Arrhenius series whose fit is negative, implausible, scattered or not the reported Ea",
		"Rates of one catalyst from one document at one pressure and WHSV,\n"
		"measured at three or more temperatures (each once), are fitted as\n"
		"ln r against 1000/T; Ea = -slope * R, with its standard error.  A\n"
		"negative Ea, one outside the plausible range of ea_kJ_mol, or one\n"
		"that differs from the Ea the document reports by more than twice its\n"
		"error and a tenth of the reported value, or points that are no\n"
		"straight line (R^2 below 0.9) mean that the series mixes\n"
		"conditions, a value was misread, or the rates are not kinetic (near\n"
		"equilibrium).  Reports draw no such fit.\n" },
	[R_REF_MISMATCH] = { "ref-mismatch", DIAG_ERROR,
		"a table's reference number differs from the one the text cites",
		"When a table row and the document's text give the same catalyst\n"
		"different reference numbers, one of them is wrong, most often the\n"
		"table's.  Check the reference list and correct ref.\n" },
	[R_REF_TITLE] = { "ref-title", DIAG_ERROR,
		"the cited reference's title shares nothing with the entry",
		"With the document's parsed reference list (corpus/refs/KEY.csv, or\n"
		"--refs FILE), the title of the cited paper is expected to mention\n"
		"the topic (the \"topic\" words of the rules file: ammonia, NH3 ...),\n"
		"an active metal of the catalyst, or a word of its name.  A title that\n"
		"shares none of them points to a wrong reference number.  Skipped\n"
		"when no reference list is found.\n" },
	[R_WAIVER] = { "waiver", DIAG_ERROR,
		"a malformed waive cell",
		"The waive column holds \"RULE: reason\" pairs separated by ';'.  The\n"
		"rule must exist and the reason must not be empty: a waiver records\n"
		"why a finding is accepted.\n" },
	[R_WAIVER_UNUSED] = { "waiver-unused", DIAG_WARNING,
		"a waiver that excuses no finding",
		"A waiver whose rule no longer fires on its entry is stale; remove\n"
		"it so that the next real finding is not hidden.\n" },
	[R_SCHEMA_VERSION] = { "schema-version", DIAG_NOTE,
		"an entries file of an older schema version",
		"Entries files of schema v1 (without the outlet_nh3_pct column) are\n"
		"read and written back as v1 until a value needs the new column.\n"
		"nh3cat migrate FILE|DIR rewrites them as v2, every cell unchanged.\n" },
};

int rule_find(const char *name)
{
	int i;
	for (i = 0; i < RULE_COUNT; i++)
		if (str_eq(rule_table[i].id, name))
			return i;
	return -1;
}

/* --- rules ------------------------------------------------------------ */

static const struct {
	const char *name;
	size_t off;
} settings[] = {
	{ "np-min-size", offsetof(struct rules, np_min_nm) },
	{ "sac-max-size", offsetof(struct rules, sac_max_nm) },
	{ "rate-tolerance", offsetof(struct rules, rate_tolerance) },
	{ "fold-tolerance", offsetof(struct rules, fold_tolerance) },
	{ "value-tolerance", offsetof(struct rules, value_tolerance) },
	{ "outlet-tolerance", offsetof(struct rules, outlet_tolerance) },
	{ "tof-max", offsetof(struct rules, tof_max) },
};

/* The word in ASCII lower case, in buf (n + 1 bytes) or allocated (*own). */
static char *lower_word(const char *w, size_t n, char *buf, size_t size, char **own)
{
	char *out = n < size ? buf : (*own = xmalloc(n + 1));
	size_t k;
	for (k = 0; k < n; k++)
		out[k] = (char)(w[k] >= 'A' && w[k] <= 'Z' ? w[k] - 'A' + 'a' : w[k]);
	out[n] = '\0';
	return out;
}

/* The place of a topic word in r->topic, or SIZE_MAX: one hash lookup. */
static size_t topic_find(const struct rules *r, const char *w, size_t n)
{
	char buf[64], *own = NULL, *low = lower_word(w, n, buf, sizeof(buf), &own);
	uint64_t h = hash64_str(HASH_INIT, low);
	size_t pos = SIZE_MAX, i, found = SIZE_MAX;
	while ((i = hashidx_next(&r->topic_idx, h, &pos)) != SIZE_MAX)
		if (str_eq(r->topic[i], low)) {
			found = i;
			break;
		}
	free(own);
	return found;
}

static void topic_add(struct rules *r, const char *w, size_t n)
{
	char buf[64], *own = NULL, *low;
	if (topic_find(r, w, n) != SIZE_MAX)
		return;
	low = lower_word(w, n, buf, sizeof(buf), &own);
	r->topic = xgrow(r->topic, &r->topic_alloc, r->ntopic + 1, sizeof(char *));
	r->topic[r->ntopic] = xstrdup(low);
	hashidx_put(&r->topic_idx, hash64_str(HASH_INIT, low), r->ntopic);
	r->ntopic++;
	free(own);
}

static void set_range(struct rules *r, enum entry_col c, double lo, double hi)
{
	r->range[c].set = 1;
	r->range[c].min = lo;
	r->range[c].max = hi;
}

struct rules *rules_new(void)
{
	static const char *const topics[] = { "ammonia", "NH3", "N2", "nitrogen", "dinitrogen" };
	struct rules *r = xcalloc(1, sizeof(*r));
	size_t i;

	r->np_min_nm = 2.0;
	r->sac_max_nm = 0.5;
	r->rate_tolerance = 0.05;
	r->fold_tolerance = 0.1;
	r->value_tolerance = 0.02;
	r->outlet_tolerance = 0.15;
	r->tof_max = 5;
	set_range(r, COL_LOADING_WT, 0.01, 100);
	set_range(r, COL_SIZE_NM, 0.05, 100);
	set_range(r, COL_TEMPERATURE_C, 20, 700);
	set_range(r, COL_PRESSURE_MPA, 0.01, 30);
	set_range(r, COL_WHSV, 100, 1000000);
	set_range(r, COL_RATE_GCAT, 0.0001, 500);
	set_range(r, COL_RATE_GMETAL, 0.001, 100000);
	set_range(r, COL_TOF_S, 0.000001, 100);
	set_range(r, COL_EA, 10, 250);
	set_range(r, COL_OUTLET_NH3, 0.001, 40);
	for (i = 0; i < RULE_COUNT; i++)
		r->sev[i] = (int)rule_table[i].sev;
	for (i = 0; i < ARRAY_SIZE(topics); i++)
		topic_add(r, topics[i], strlen(topics[i]));
	return r;
}

void rules_free(struct rules *r)
{
	size_t i;
	if (!r)
		return;
	for (i = 0; i < r->ntopic; i++)
		free(r->topic[i]);
	free(r->topic);
	hashidx_release(&r->topic_idx);
	free(r);
}

int rules_is_topic(const struct rules *r, const char *word, size_t len)
{
	return topic_find(r, word, len) != SIZE_MAX;
}

/* Split one line into blank-separated words, in place; '#' ends it. */
#define MAX_WORDS 64
static size_t split_words(char *line, char **w)
{
	size_t n = 0;
	char *p = line;
	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\r')
			p++;
		if (!*p || *p == '#')
			break;
		if (n == MAX_WORDS)
			return n + 1;
		w[n++] = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\r' && *p != '#')
			p++;
		if (*p == '#') {
			*p = '\0';
			break;
		}
		if (*p)
			*p++ = '\0';
	}
	return n;
}

/* Calls fn for each line of text (NUL bytes refused); stops at its error. */
typedef int line_fn(void *ctx, const char *name, long lineno, char *line, struct diag *d);

static int each_line(const char *name, const char *text, size_t len, const char *rule,
		     line_fn *fn, void *ctx, struct diag *d)
{
	size_t pos = 0;
	long lineno = 0;
	int rc = 0;
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - (text + pos)) : len - pos;
		char *line;
		lineno++;
		if (memchr(text + pos, '\0', n)) {
			diag_emit(d, name, lineno, 0, DIAG_ERROR, rule, "NUL byte in the line");
			rc = -1;
		} else {
			line = xstrndup(text + pos, n);
			if (fn(ctx, name, lineno, line, d) < 0)
				rc = -1;
			free(line);
		}
		pos += n + (nl ? 1 : 0);
	}
	return rc;
}

/* each_line over the whole of the file at path (rules files and waiver files). */
static int each_line_of_file(const char *path, const char *rule, line_fn *fn, void *ctx,
			     struct diag *d)
{
	size_t len;
	char *text = file_read_all(path, &len);
	int rc;
	if (!text)
		return -1;
	rc = each_line(path, text, len, rule, fn, ctx, d);
	free(text);
	return rc;
}

static int rules_line(void *ctx, const char *name, long lineno, char *line, struct diag *d)
{
	struct rules *r = ctx;
	char *w[MAX_WORDS + 1];
	size_t n = split_words(line, w), i;
	double lo, hi;

#define BAD(...) do { \
		diag_emit(d, name, lineno, 0, DIAG_ERROR, "rules-syntax", __VA_ARGS__); \
		return -1; \
	} while (0)

	if (n == 0)
		return 0;
	if (n > MAX_WORDS)
		BAD("too many words on the line (at most %d)", MAX_WORDS);
	if (str_eq(w[0], "set")) {
		if (n != 3)
			BAD("'set' takes a name and a number: set np-min-size 2");
		for (i = 0; i < ARRAY_SIZE(settings); i++)
			if (str_eq(settings[i].name, w[1]))
				break;
		if (i == ARRAY_SIZE(settings))
			BAD("unknown setting '%s' (np-min-size, sac-max-size, rate-tolerance, "
			    "fold-tolerance or value-tolerance)", w[1]);
		if (num_parse(w[2], &lo) < 0 || lo < 0)
			BAD("'%s' is not a number of zero or more for %s", w[2], w[1]);
		*(double *)((char *)r + settings[i].off) = lo;
	} else if (str_eq(w[0], "range")) {
		int c;
		if (n != 4)
			BAD("'range' takes a column, a minimum and a maximum: range temperature_C 20 700");
		c = entry_col_find(w[1]);
		if (c < 0 || (entry_cols[c].type != CT_NUMBER && entry_cols[c].type != CT_LOADING))
			BAD("'%s' is not a numeric column of the entries schema", w[1]);
		if (num_parse(w[2], &lo) < 0)
			BAD("minimum '%s' is not a number", w[2]);
		if (num_parse(w[3], &hi) < 0)
			BAD("maximum '%s' is not a number", w[3]);
		if (lo > hi)
			BAD("minimum %s is above maximum %s", w[2], w[3]);
		set_range(r, (enum entry_col)c, lo, hi);
	} else if (str_eq(w[0], "severity")) {
		int rule, sev;
		if (n != 3)
			BAD("'severity' takes a rule and a level: severity duplicate error");
		rule = rule_find(w[1]);
		if (rule < 0)
			BAD("unknown rule '%s' (nh3cat validate --explain lists them)", w[1]);
		if (str_eq(w[2], "error"))
			sev = DIAG_ERROR;
		else if (str_eq(w[2], "warning"))
			sev = DIAG_WARNING;
		else if (str_eq(w[2], "note"))
			sev = DIAG_NOTE;
		else if (str_eq(w[2], "off"))
			sev = RULE_OFF;
		else
			BAD("unknown level '%s' (error, warning, note or off)", w[2]);
		r->sev[rule] = sev;
	} else if (str_eq(w[0], "topic")) {
		if (n < 2)
			BAD("'topic' takes one or more words");
		for (i = 1; i < n; i++)
			topic_add(r, w[i], strlen(w[i]));
	} else {
		BAD("unknown directive '%s' (set, range, severity or topic)", w[0]);
	}
#undef BAD
	return 0;
}

int rules_parse(struct rules *r, const char *name, const char *text, size_t len,
		struct diag *d)
{
	return each_line(name, text, len, "rules-syntax", rules_line, r, d);
}

int rules_load(struct rules *r, const char *path, struct diag *d)
{
	return each_line_of_file(path, "rules-syntax", rules_line, r, d);
}

/* --- waivers ---------------------------------------------------------- */

struct waiver {
	char *entry_id;  /* one block: the id, then the reason */
	char *reason;
	const char *file;  /* in files */
	long line;
	enum rule rule;
	int used;
	size_t next;     /* the next waiver of the same entry, or SIZE_MAX */
	size_t tail;     /* of the first waiver of an entry: the last one */
};

/*
 * Waivers in the order read; by_id holds the first waiver of each entry id,
 * the others follow through next: a finding looks up its entry's waivers
 * with one hash, whatever the number of waivers.
 */
struct waivers {
	struct waiver *v;
	size_t n, alloc;
	struct hashidx by_id;
	char **files;    /* the names of the files waivers came from, each once */
	size_t nfiles, files_alloc;
};

/* The first waiver of entry_id, or SIZE_MAX. */
static size_t waivers_first(const struct waivers *w, const char *entry_id, uint64_t h)
{
	size_t pos = SIZE_MAX, i;
	while ((i = hashidx_next(&w->by_id, h, &pos)) != SIZE_MAX)
		if (str_eq(w->v[i].entry_id, entry_id))
			return i;
	return SIZE_MAX;
}

struct waivers *waivers_new(void)
{
	return xcalloc(1, sizeof(struct waivers));
}

static void waiver_release(struct waiver *wv)
{
	free(wv->entry_id);
}

void waivers_free(struct waivers *w)
{
	size_t i;
	if (!w)
		return;
	for (i = 0; i < w->n; i++)
		waiver_release(&w->v[i]);
	free(w->v);
	hashidx_release(&w->by_id);
	for (i = 0; i < w->nfiles; i++)
		free(w->files[i]);
	free(w->files);
	free(w);
}

static void waiver_add(struct waivers *w, const char *file, long line, const char *id,
		       enum rule rule, const char *reason, size_t reason_len)
{
	struct waiver *wv;
	uint64_t h = hash64_str(HASH_INIT, id);
	size_t first = waivers_first(w, id, h);
	size_t idlen = strlen(id);
	if (!w->nfiles || strcmp(w->files[w->nfiles - 1], file) != 0) {
		/* waivers come a file at a time: its name kept once */
		w->files = xgrow(w->files, &w->files_alloc, w->nfiles + 1, sizeof(*w->files));
		w->files[w->nfiles++] = xstrdup(file);
	}
	w->v = xgrow(w->v, &w->alloc, w->n + 1, sizeof(*w->v));
	wv = &w->v[w->n];
	wv->entry_id = xmalloc(idlen + 1 + reason_len + 1);
	memcpy(wv->entry_id, id, idlen + 1);
	wv->reason = wv->entry_id + idlen + 1;
	memcpy(wv->reason, reason, reason_len);
	wv->reason[reason_len] = '\0';
	str_trim(wv->reason);
	wv->file = w->files[w->nfiles - 1];
	wv->line = line;
	wv->rule = rule;
	wv->used = 0;
	wv->next = SIZE_MAX;
	wv->tail = w->n;
	if (first == SIZE_MAX) {
		hashidx_put(&w->by_id, h, w->n);
	} else {
		/* at the end of the entry's chain: matched in the order read */
		w->v[w->v[first].tail].next = w->n;
		w->v[first].tail = w->n;
	}
	w->n++;
}

static int waivers_line(void *ctx, const char *name, long lineno, char *line, struct diag *d)
{
	struct waivers *w = ctx;
	char *p = line, *id, *rule;
	int r;

	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p || *p == '#' || (*p == '\r' && !p[1]))
		return 0;
	id = p;
	while (*p && *p != ' ' && *p != '\t')
		p++;
	if (*p)
		*p++ = '\0';
	while (*p == ' ' || *p == '\t')
		p++;
	rule = p;
	while (*p && *p != ' ' && *p != '\t' && *p != '\r')
		p++;
	if (*p)
		*p++ = '\0';
	if (!*rule) {
		diag_emit(d, name, lineno, 0, DIAG_ERROR, "waiver-syntax",
			  "expected ENTRY-ID RULE reason, got only '%s'", id);
		return -1;
	}
	r = rule_find(rule);
	if (r < 0) {
		diag_emit(d, name, lineno, 0, DIAG_ERROR, "waiver-syntax",
			  "unknown rule '%s' (nh3cat validate --explain lists them)", rule);
		return -1;
	}
	str_trim(p);
	if (!*p) {
		diag_emit(d, name, lineno, 0, DIAG_ERROR, "waiver-syntax",
			  "waiver of %s for '%s' gives no reason", rule, id);
		return -1;
	}
	waiver_add(w, name, lineno, id, (enum rule)r, p, strlen(p));
	return 0;
}

int waivers_parse(struct waivers *w, const char *name, const char *text, size_t len,
		  struct diag *d)
{
	return each_line(name, text, len, "waiver-syntax", waivers_line, w, d);
}

int waivers_load(struct waivers *w, const char *path, struct diag *d)
{
	return each_line_of_file(path, "waiver-syntax", waivers_line, w, d);
}

/*
 * One pass over a waive cell: checks every "RULE: reason" and, with add,
 * adds them.  Returns 0, or -1 with *why.
 */
static int cell_pass(struct waivers *w, const char *file, long line, const char *entry_id,
		     const char *cell, int add, const char **why)
{
	const char *p = cell;
	while (*p) {
		const char *end = strchr(p, ';');
		const char *colon;
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char *rule;
		int r;

		colon = memchr(p, ':', n);
		if (!colon) {
			*why = "expected 'RULE: reason'";
			return -1;
		}
		rule = xstrndup(p, (size_t)(colon - p));
		str_trim(rule);
		r = rule_find(rule);
		free(rule);
		if (r < 0) {
			*why = "unknown rule (nh3cat validate --explain lists them)";
			return -1;
		}
		{
			const char *rs = colon + 1, *re = p + n;
			while (rs < re && (*rs == ' ' || *rs == '\t'))
				rs++;
			while (re > rs && (re[-1] == ' ' || re[-1] == '\t'))
				re--;
			if (rs == re) {
				*why = "a waiver needs a reason after the ':'";
				return -1;
			}
			if (add)
				waiver_add(w, file, line, entry_id, (enum rule)r, rs, (size_t)(re - rs));
		}
		if (!end)
			break;
		p = end + 1;
	}
	return 0;
}

int waivers_add_cell(struct waivers *w, const char *file, long line, const char *entry_id,
		     const char *cell, const char **why)
{
	/* all or nothing: check the whole cell before adding any of it */
	if (cell_pass(w, file, line, entry_id, cell, 0, why) < 0)
		return -1;
	return cell_pass(w, file, line, entry_id, cell, 1, why);
}

const char *waivers_match(struct waivers *w, const char *entry_id, enum rule r)
{
	size_t i;
	if (!w || !*entry_id)
		return NULL;
	for (i = waivers_first(w, entry_id, hash64_str(HASH_INIT, entry_id)); i != SIZE_MAX;
	     i = w->v[i].next)
		if (w->v[i].rule == r) {
			w->v[i].used = 1;
			return w->v[i].reason;
		}
	return NULL;
}

void waivers_take_unused(struct waivers *w, waiver_unused_fn *fn, void *ctx)
{
	size_t i;
	for (i = 0; i < w->n; i++) {
		if (!w->v[i].used)
			fn(ctx, w->v[i].file, w->v[i].line, w->v[i].entry_id,
			   rule_table[w->v[i].rule].id);
		waiver_release(&w->v[i]);
	}
	w->n = 0;
	hashidx_release(&w->by_id);
}
