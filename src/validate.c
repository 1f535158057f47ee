/*
 * validate.c: the validator's driver, the schema rules and the rules that
 * look at one entry at a time (ranges, required fields, site type,
 * per-entry loading); see validate.h.  Rules across entries live in
 * validate_cross.c, the findings and helpers both use in validate_ctx.c;
 * this driver calls both and neither calls back.
 */
#include <config.h>

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "chem.h"
#include "classify.h"
#include "corpus_layout.h"
#include "rules.h"
#include "validate.h"
#include "arrhenius.h"
#include "validate_ctx.h"
#include "validate_cross.h"

static int ref_is_valid(const char *s)
{
	const char *p = s;
	while (*p) {
		if (*p < '0' || *p > '9')
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
		if (*p == ';' || *p == ',') {
			p++;
			if (!*p)
				return 0;
		} else if (*p) {
			return 0;
		}
	}
	return 1;
}

static int metals_valid(const char *s)
{
	const char *p = s;
	while (*p) {
		const char *end = strchr(p, ';');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		if (!chem_is_element(p, n))
			return 0;
		if (!end)
			break;
		p = end + 1;
		if (!*p)
			return 0;
	}
	return 1;
}


static void enum_list(const char *const *values, struct buf *out)
{
	size_t i;
	for (i = 0; values[i]; i++) {
		if (i)
			buf_addstr(out, values[i + 1] ? ", " : " or ");
		buf_addstr(out, values[i]);
	}
}

static int enum_ok(const char *const *values, const char *v)
{
	size_t i;
	for (i = 0; values[i]; i++)
		if (str_eq(values[i], v))
			return 1;
	return 0;
}

/* --- schema -------------------------------------------------------------- */

static void check_schema(struct vctx *v, const struct entry *e)
{
	int c;
	for (c = 0; c < ENTRY_NCOLS; c++) {
		const struct col_info *ci = &entry_cols[c];
		const char *val = e->f[c];
		double num;
		if (!*val)
			continue;
		switch (ci->type) {
		case CT_TEXT:
			if ((c == COL_METALS || c == COL_RATE_METAL) && !metals_valid(val))
				vfinding(v, e, R_SCHEMA_METALS,
					 "%s '%s' is not a ';'-separated list of element symbols",
					 ci->name, val);
			break;
		case CT_NUMBER: {
			const char *why = num_plain_check(val, &num);
			char plain[NUM_BUFSZ];
			if (!why)
				break;
			if (num_parse(val, &num) == 0 && num_in_range(num))
				/* "3.5e2", "+350", ".5": say how to write it */
				vfinding(v, e, R_SCHEMA_NUMBER, "%s '%s' is %s in %s: write %s",
					 ci->name, val, strpbrk(val, "eE") ?
					 "written with an exponent, not as a plain decimal" :
					 "not a plain decimal", ci->unit, num_format(num, plain));
			else if (strpbrk(val, "0123456789") &&
				 strspn(val, "-+0123456789.eE") == strlen(val) && strpbrk(val, "eE"))
				vfinding(v, e, R_SCHEMA_NUMBER,
					 "%s '%s' is out of the range of numbers (plain decimal in %s)",
					 ci->name, val, ci->unit);
			else if (num_parse(val, &num) == 0 || strspn(val, "-0123456789.") == strlen(val))
				vfinding(v, e, R_SCHEMA_NUMBER, "%s '%.60s%s' is %s (plain decimal in %s)",
					 ci->name, val, strlen(val) > 60 ? "..." : "", why, ci->unit);
			else
				vfinding(v, e, R_SCHEMA_NUMBER,
					 "%s '%s' is not a number (plain decimal in %s)",
					 ci->name, val, ci->unit);
			break;
		}
		case CT_LOADING:
			if (!loading_is_valid(val))
				vfinding(v, e, R_SCHEMA_LOADING,
					 "loading_wt '%s' is neither a percentage (3.8) nor "
					 "per-metal percentages (Ru:1.17;Co:0.41)", val);
			break;
		case CT_REF:
			if (!ref_is_valid(val))
				vfinding(v, e, R_SCHEMA_REF,
					 "ref '%s' is not a reference number or a ';'-separated list of them",
					 val);
			break;
		case CT_ENUM:
			if (!enum_ok(ci->values, val)) {
				struct buf allowed = BUF_INIT;
				enum_list(ci->values, &allowed);
				vfinding(v, e, R_SCHEMA_ENUM, "%s '%s' is not one of %s%s", ci->name,
					 val, buf_str(&allowed), c == COL_STATUS ? "" : " (or empty)");
				buf_release(&allowed);
			}
			break;
		}
	}
	if (!*e->f[COL_STATUS])
		vfinding(v, e, R_SCHEMA_ENUM,
			 "status is empty; it must be extracted, reviewed or rejected");
}

/* --- values -------------------------------------------------------------- */

static void check_range(struct vctx *v, const struct entry *e, enum entry_col c, double x,
			const char *shown)
{
	const struct rules *r = v->rules;
	char lo[NUM_BUFSZ], hi[NUM_BUFSZ];
	if (!r->range[c].set || (x >= r->range[c].min && x <= r->range[c].max))
		return;
	vfinding(v, e, R_VALUE_RANGE, "%s %s is outside the plausible range %s to %s %s",
		 entry_cols[c].name, shown, num_format(r->range[c].min, lo),
		 num_format(r->range[c].max, hi), entry_cols[c].unit);
}

static void check_ranges(struct vctx *v, const struct entry *e)
{
	int c;
	for (c = 0; c < ENTRY_NCOLS; c++) {
		double x;
		if (entry_cols[c].type == CT_NUMBER) {
			if (entry_get_num(e, (enum entry_col)c, &x) == 1)
				check_range(v, e, (enum entry_col)c, x, e->f[c]);
		} else if (c == COL_LOADING_WT && *e->f[c] && loading_is_valid(e->f[c])) {
			/* each percentage of "Ru:1.17;Co:0.41" */
			const char *p = e->f[c];
			while (*p) {
				const char *colon = strchr(p, ':');
				const char *end = strchr(p, ';');
				const char *num = colon ? colon + 1 : p;
				size_t n = end ? (size_t)(end - num) : strlen(num);
				if (num_parse_n(num, n, &x) == 0) {
					char *shown = xstrndup(p, end ? (size_t)(end - p) : strlen(p));
					check_range(v, e, COL_LOADING_WT, x, shown);
					free(shown);
				}
				if (!end)
					break;
				p = end + 1;
			}
		}
	}
}

static int has(const struct entry *e, enum entry_col c)
{
	return *entry_get(e, c) != '\0';
}

static void check_reviewed(struct vctx *v, const struct entry *e)
{
	const char *name = entry_get(e, COL_CATALYST);
	int rate = has(e, COL_RATE_GCAT) || has(e, COL_RATE_GMETAL) || has(e, COL_TOF_S);
	if (!str_eq(entry_get(e, COL_STATUS), "reviewed"))
		return;
	if (!*name) {
		vfinding(v, e, R_REVIEWED_REQUIRED, "reviewed entry '%s' names no catalyst",
			 entry_get(e, COL_ID));
		return;
	}
	if (!rate && !has(e, COL_EA)) {
		vfinding(v, e, R_REVIEWED_REQUIRED,
			 "reviewed entry for '%s' reports no value (rate, TOF or Ea)", name);
		return;
	}
	if (has(e, COL_RATE_GMETAL) && !has(e, COL_RATE_METAL) && !has(e, COL_METALS))
		vfinding(v, e, R_REVIEWED_REQUIRED,
			 "reviewed per-metal rate %s for '%s' does not say which metal (rate_metal)",
			 entry_get(e, COL_RATE_GMETAL), name);
	if (rate && (!has(e, COL_TEMPERATURE_C) || !has(e, COL_PRESSURE_MPA)))
		vfinding(v, e, R_REVIEWED_CONDITIONS,
			 "reviewed %s of '%s' has no %s",
			 has(e, COL_TOF_S) && !has(e, COL_RATE_GCAT) && !has(e, COL_RATE_GMETAL) ?
			 "TOF" : "rate", name,
			 !has(e, COL_TEMPERATURE_C) && !has(e, COL_PRESSURE_MPA) ?
			 "temperature_C nor pressure_MPa" :
			 !has(e, COL_TEMPERATURE_C) ? "temperature_C" : "pressure_MPa");
}

/* --- site type ------------------------------------------------------------ */

/* The active metals an entry names, for messages: "Ru" or "Co, Ru". */
static void metals_text(const struct entry *e, const struct chem_name *nf, struct buf *out)
{
	size_t k;
	if (has(e, COL_METALS)) {
		const char *p;
		for (p = entry_get(e, COL_METALS); *p; p++)
			if (*p == ';')
				buf_addstr(out, ", ");
			else
				buf_addch(out, *p);
		return;
	}
	for (k = 0; k < nf->nmetals; k++) {
		if (k)
			buf_addstr(out, ", ");
		buf_addstr(out, nf->metals[k]);
	}
	if (!nf->nmetals && has(e, COL_LOADING_WT))
		buf_addstr(out, entry_get(e, COL_LOADING_WT));
}

static void check_site_type(struct vctx *v, const struct entry *e)
{
	const struct rules *r = v->rules;
	const struct classify_limits lim = { r->np_min_nm, r->sac_max_nm };
	const char *name = entry_get(e, COL_CATALYST);
	const char *declared = entry_get(e, COL_SITE_TYPE);
	enum site_type t = site_type_parse(declared);
	struct chem_name nf;
	double size;
	size_t nmetals;
	char sz[NUM_BUFSZ], bound[NUM_BUFSZ];
	struct buf metals = BUF_INIT;
	int fired = 0;

	if (!*name)
		return;
	classify_entry_facts(e, &nf, &size, &nmetals);
	metals_text(e, &nf, &metals);

	if (t == SITE_NONE) {
		enum site_type inf;
		if (*declared)
			goto out;   /* schema-enum said it */
		inf = classify_infer(&nf, size, nmetals, &lim);
		if (inf == SITE_NONE)
			goto out;
		if (inf == SITE_BULK)
			vfinding(v, e, R_SITE_TYPE_INFERRED,
				 "site_type is empty; '%s' classifies as %s (a compound: '%s')", name,
				 site_type_name(inf), nf.marker_word);
		else if (nmetals >= 2)
			vfinding(v, e, R_SITE_TYPE_INFERRED,
				 "site_type is empty; '%s' classifies as %s (active metals %s)", name,
				 site_type_name(inf), buf_str(&metals));
		else if (nf.marker != SITE_NONE && nf.marker != SITE_BCC)
			vfinding(v, e, R_SITE_TYPE_INFERRED,
				 "site_type is empty; '%s' classifies as %s (the name says '%s')", name,
				 site_type_name(inf), nf.marker_word);
		else
			vfinding(v, e, R_SITE_TYPE_INFERRED,
				 "site_type is empty; '%s' classifies as %s (size %s nm)", name,
				 site_type_name(inf), num_format(size, sz));
		goto out;
	}
	/*
	 * A bulk compound has no particle size, and its metals are no
	 * bimetallic site; a formula that reads as a compound (MoHx) does not
	 * contradict the site type a paper gives it.
	 */
	if (t == SITE_BULK || nf.marker == SITE_BULK)
		goto out;
	if (size >= 0) {
		num_format(size, sz);
		if ((t == SITE_SAC || t == SITE_SCC) && size >= r->np_min_nm) {
			vfinding(v, e, R_SITE_TYPE_SIZE,
				 "%s '%s' has size %s nm, at or above the %s nm nanoparticle boundary",
				 declared, name, sz, num_format(r->np_min_nm, bound));
			fired = 1;
		} else if (t == SITE_SAC && size > r->sac_max_nm) {
			vfinding(v, e, R_SITE_TYPE_SIZE,
				 "SAC '%s' has size %s nm, above the %s nm a single-atom site may show",
				 name, sz, num_format(r->sac_max_nm, bound));
			fired = 1;
		} else if (t == SITE_NP && size < r->np_min_nm) {
			vfinding(v, e, R_SITE_TYPE_SIZE,
				 "NP '%s' has size %s nm, below the %s nm nanoparticle boundary",
				 name, sz, num_format(r->np_min_nm, bound));
			fired = 1;
		}
	}
	if (nmetals == 1 && t == SITE_BCC) {
		vfinding(v, e, R_SITE_TYPE_METALS,
			 "BCC '%s' has one active metal (%s); a bimetallic catalyst needs two",
			 name, buf_str(&metals));
		fired = 1;
	} else if (nmetals >= 2 && t != SITE_BCC) {
		vfinding(v, e, R_SITE_TYPE_METALS,
			 "%s '%s' has %zu active metals (%s); that makes it BCC",
			 declared, name, nmetals, buf_str(&metals));
		fired = 1;
	}
	if (fired || nf.marker == SITE_NONE)
		goto out;
	if (t == SITE_BCC && nf.marker == SITE_NP)
		vfinding(v, e, R_SITE_TYPE_NAME,
			 "BCC '%s' is named a %s ('%s'), not a cluster", name,
			 nf.np_alloy ? "nanoparticle alloy" : "nanoparticle", nf.marker_word);
	else if (t != SITE_BCC && nf.marker != SITE_BCC && nf.marker != t)
		vfinding(v, e, R_SITE_TYPE_NAME, "%s '%s' is named '%s', which marks %s",
			 declared, name, nf.marker_word, site_type_name(nf.marker));
out:
	buf_release(&metals);
}

/* tof-high: a TOF above the fastest plausible one (rules.c says why) */
static void check_tof_high(struct vctx *v, const struct entry *e)
{
	double tof;
	char mb[NUM_BUFSZ];
	if (entry_get_num(e, COL_TOF_S, &tof) != 1 || tof <= v->rules->tof_max)
		return;
	vfinding(v, e, R_TOF_HIGH,
		 "tof_s %s s^-1 is above tof-max %s s^-1, faster than any NH3 synthesis catalyst: "
		 "a space velocity in h^-1, or a rate, read as a TOF?", entry_get(e, COL_TOF_S),
		 num_format(v->rules->tof_max, mb));
}

/* --- rate against outlet concentration ---------------------------------------- */

/*
 * rate-outlet: the rate an outlet NH3 concentration y implies at the feed's
 * WHSV (mL STP g^-1 h^-1): WHSV * y / (Vm * (1 + y)); the effluent has
 * lost one mole per mole of NH3 formed (see rules.c for the assumptions).
 */
static void check_rate_outlet(struct vctx *v, const struct entry *e)
{
	double rate, whsv, pct, y, expect;
	char eb[NUM_BUFSZ], wb[NUM_BUFSZ], pb[NUM_BUFSZ];
	if (entry_get_num(e, COL_RATE_GCAT, &rate) != 1 || entry_get_num(e, COL_WHSV, &whsv) != 1 ||
	    entry_get_num(e, COL_OUTLET_NH3, &pct) != 1 || pct <= 0 || pct >= 100 || whsv <= 0)
		return;
	y = pct / 100;
	expect = whsv * y / (UNITS_MOLAR_VOLUME_STP * (1 + y));
	if (fabs(rate - expect) <= v->rules->outlet_tolerance * expect +
	    half_unit(entry_get(e, COL_RATE_GCAT)))
		return;
	vfinding(v, e, R_RATE_OUTLET,
		 "rate %s mmol g_cat^-1 h^-1, but WHSV %s mL g^-1 h^-1 at %s %% NH3 in the outlet "
		 "gives %s (%.0f %% apart)", entry_get(e, COL_RATE_GCAT), num_format(whsv, wb),
		 num_format(pct, pb), num_format(round(expect * 1000) / 1000, eb),
		 100 * fabs(rate - expect) / expect);
}

/* --- the driver ------------------------------------------------------------ */

static void cell_waivers(struct vctx *v)
{
	size_t col, i;
	for (col = 0; col < v->s->nextra; col++)
		if (str_eq(v->s->extra_names[col], "waive"))
			break;
	if (col == v->s->nextra)
		return;
	for (i = 0; i < v->s->n; i++) {
		const struct entry *e = &v->s->v[i];
		const char *why;
		if (col >= e->nextra || !*e->extra[col])
			continue;
		if (!*entry_get(e, COL_ID)) {
			vfinding(v, e, R_WAIVER, "waive '%s' on an entry without an id", e->extra[col]);
			continue;
		}
		if (waivers_add_cell(v->cell_waivers, v->file, e->line, entry_get(e, COL_ID),
				     e->extra[col], &why) < 0)
			vfinding(v, e, R_WAIVER, "waive '%s': %s", e->extra[col], why);
	}
}

static void report_unused(void *ctx, const char *file, long line, const char *entry_id,
			  const char *rule)
{
	struct vctx *v = ctx;
	if (v->rules->sev[R_WAIVER_UNUSED] == RULE_OFF)
		return;
	diag_emit(v->d, file, line, 0, (enum diag_severity)v->rules->sev[R_WAIVER_UNUSED],
		  rule_table[R_WAIVER_UNUSED].id, "waiver of %s for '%s' excuses no finding",
		  rule, entry_id);
}

/* ROOT/entries/KEY.csv -> ROOT/refs/KEY.csv, when that file exists. */
static char *refs_beside(const char *file)
{
	char *root, *key, *refs;
	struct stat st;
	if (corpus_split_entries_path(file, &root, &key) < 0)
		return NULL;
	refs = corpus_refs_path(root, key);
	free(root);
	free(key);
	if (stat(refs, &st) != 0 || !S_ISREG(st.st_mode)) {
		free(refs);
		return NULL;
	}
	return refs;
}


/* arrhenius-fit: series of one catalyst, document and conditions whose fit a referee rejects. */
static void check_arrhenius(struct vctx *v)
{
	const struct entry **rows = xcalloc(v->s->n + 1, sizeof(*rows));
	struct arr_set set;
	size_t i, n = 0;
	double lo = v->rules->range[COL_EA].set ? v->rules->range[COL_EA].min : 0;
	double hi = v->rules->range[COL_EA].set ? v->rules->range[COL_EA].max : HUGE_VAL;
	for (i = 0; i < v->s->n; i++)
		if (!entry_is_rejected(&v->s->v[i]))
			rows[n++] = &v->s->v[i];
	arr_find(rows, n, ARR_MIN_POINTS, lo, hi, &set);
	for (i = 0; i < set.n; i++) {
		const struct arr_series *s = &set.v[i];
		char ea[NUM_BUFSZ], se[NUM_BUFSZ], rep[NUM_BUFSZ];
		if (s->verdict == ARR_OK)
			continue;
		num_format(round(s->ea * 10) / 10, ea);
		num_format(round(s->ea_se * 10) / 10, se);
		vfinding(v, s->first, R_ARRHENIUS_FIT,
			 "'%s' at %zu temperatures (pressure %s MPa, WHSV %s): fitted Ea %s +- %s kJ/mol, "
			 "R^2 %.3f%s%s: %s", entry_get(s->first, COL_CATALYST), s->n,
			 *entry_get(s->first, COL_PRESSURE_MPA) ? entry_get(s->first, COL_PRESSURE_MPA) : "not given",
			 *entry_get(s->first, COL_WHSV) ? entry_get(s->first, COL_WHSV) : "not given", ea, se, s->r2,
			 s->has_reported ? ", reported " : "",
			 s->has_reported ? num_format(s->ea_reported, rep) : "", arr_verdict_text(s->verdict));
	}
	arr_set_release(&set);
	free(rows);
}

unsigned long validate_run(const char *file, const struct entry_set *s,
			   struct validate_opts *opts, struct diag *d)
{
	unsigned long before = diag_count(d, DIAG_ERROR);
	struct rules *defaults = NULL;
	struct vctx v;
	char *refs;
	size_t i;

	memset(&v, 0, sizeof(v));
	v.file = file;
	v.s = s;
	v.d = d;
	v.rules = opts->rules;
	if (!v.rules)
		v.rules = defaults = rules_new();
	v.file_waivers = opts->waivers;
	v.on_waived = opts->on_waived;
	v.waived_ctx = opts->waived_ctx;
	v.cell_waivers = waivers_new();
	cell_waivers(&v);
	if (s->version && s->version < ENTRY_SCHEMA_VERSION && v.rules->sev[R_SCHEMA_VERSION] != RULE_OFF)
		diag_emit(d, file, 1, 0, (enum diag_severity)v.rules->sev[R_SCHEMA_VERSION],
			  rule_table[R_SCHEMA_VERSION].id,
			  "schema v%d file (no outlet_nh3_pct column); nh3cat migrate rewrites it as v%d",
			  s->version, ENTRY_SCHEMA_VERSION);

	for (i = 0; i < s->n; i++) {
		const struct entry *e = &s->v[i];
		check_schema(&v, e);
		if (entry_is_rejected(e))
			continue;
		check_ranges(&v, e);
		check_reviewed(&v, e);
		check_site_type(&v, e);
		check_rate_outlet(&v, e);
		check_tof_high(&v, e);
	}
	v.keys = xcalloc(s->n ? s->n : 1, sizeof(char *));
	for (i = 0; i < s->n; i++)
		v.keys[i] = chem_fold_name(entry_get(&s->v[i], COL_CATALYST));
	v.cites = opts->cites;
	v.ncites = opts->ncites;
	v.cites_name = opts->cites_name ? opts->cites_name : "the document";
	validate_cross(&v);
	check_arrhenius(&v);
	refs = opts->refs_path ? xstrdup(opts->refs_path) : refs_beside(file);
	if (refs)
		validate_ref_titles(&v, refs);
	free(refs);
	for (i = 0; i < s->n; i++)
		free(v.keys[i]);
	free(v.keys);
	vfindings_flush(&v);

	waivers_take_unused(v.cell_waivers, report_unused, &v);
	waivers_free(v.cell_waivers);
	opts->waived += v.waived;
	rules_free(defaults);
	return diag_count(d, DIAG_ERROR) - before;
}

unsigned long validate_entries(const char *file, const struct entry_set *s, struct diag *d)
{
	struct validate_opts o;
	memset(&o, 0, sizeof(o));
	return validate_run(file, s, &o, d);
}

