/*
 * report_template.c: read a report template (templates/NAME.xml), check it
 * against the built-in RELAX NG schema, and compile it into struct
 * report_template.
 *
 * The parser is used safely: XML_PARSE_NONET, no DTD loading, no entity
 * substitution, and a template with a DOCTYPE is refused outright, so a
 * template can neither read local files nor reach the network.  Every
 * problem is printed as FILE:LINE: error: [template-*] message.
 */
#include <config.h>

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "report_template.h"

#include "report_data.h"
#include "report_int.h"
#include "report_rng.h"

struct tstate {
	const char *path;
	int errors;
	int field_note;   /* the list of fields was shown once */
};

/* libxml2 reports through here, for both parsing and validation. */
static void on_xml_error(void *ctx, xmlErrorPtr e)
{
	struct tstate *st = ctx;
	struct buf msg = BUF_INIT;
	const char *rule = e->domain == XML_FROM_RELAXNGV ? "template-schema" : "template-xml";
	if (!e || e->level == XML_ERR_NONE || e->level == XML_ERR_WARNING)
		return;
	buf_addstr(&msg, e->message ? e->message : "malformed XML");
	while (msg.len && (msg.data[msg.len - 1] == '\n' || msg.data[msg.len - 1] == ' '))
		msg.data[--msg.len] = '\0';
	fprintf(stderr, "%s:%d: error: [%s] %s\n", st->path, e->line > 0 ? e->line : 0,
		rule, buf_str(&msg));
	buf_release(&msg);
	st->errors++;
}

static int terror(struct tstate *st, const xmlNode *n, const char *rule, const char *msg,
		  const char *arg)
{
	fprintf(stderr, "%s:%ld: error: [%s] %s%s%s%s\n", st->path, n ? (long)xmlGetLineNo(n) : 0L,
		rule, msg, arg ? " '" : "", arg ? arg : "", arg ? "'" : "");
	st->errors++;
	return -1;
}

static int is_elem(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && str_eq((const char *)n->name, name);
}

/* Attribute value (caller frees with xmlFree), or NULL. */
static char *attr(const xmlNode *n, const char *name)
{
	return (char *)xmlGetProp(n, (const xmlChar *)name);
}

static char *attr_dup(const xmlNode *n, const char *name)
{
	char *v = attr(n, name);
	char *r = v ? xstrdup(v) : NULL;
	xmlFree(v);
	return r;
}

/* Mixed content as Pango markup, white space collapsed. */
static void inline_markup(const xmlNode *n, struct buf *out, int *space)
{
	const xmlNode *c;
	for (c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			const char *s = (const char *)c->content;
			for (; s && *s; s++) {
				if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
					*space = 1;
					continue;
				}
				if (*space && out->len)
					buf_addch(out, ' ');
				*space = 0;
				{
					char one[2] = { *s, '\0' };
					rpt_markup_escape(one, out);
				}
			}
		} else if (c->type == XML_ELEMENT_NODE) {
			const char *tag = (const char *)c->name;
			if (*space && out->len)
				buf_addch(out, ' ');
			*space = 0;
			buf_printf(out, "<%s>", tag);
			inline_markup(c, out, space);
			buf_printf(out, "</%s>", tag);
		}
	}
}

static char *markup_of(const xmlNode *n)
{
	struct buf b = BUF_INIT;
	int space = 0;
	inline_markup(n, &b, &space);
	return buf_detach(&b, NULL);
}

/* Replace *dst by the markup of n: a repeated element must not leak the first. */
static void set_markup(char **dst, const xmlNode *n)
{
	free(*dst);
	*dst = markup_of(n);
}

/* Split s at blanks into *out, replacing (and freeing) what *out held. */
static void split_words(const char *s, char ***out, size_t *n)
{
	size_t alloc = 0, i;
	for (i = 0; *out && i < *n; i++)
		free((*out)[i]);
	free(*out);
	*out = NULL;
	*n = 0;
	while (s && *s) {
		const char *e;
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		if (!*s)
			break;
		e = s;
		while (*e && *e != ' ' && *e != '\t' && *e != '\n' && *e != '\r')
			e++;
		*out = xgrow(*out, &alloc, *n + 1, sizeof(**out));
		(*out)[(*n)++] = xstrndup(s, (size_t)(e - s));
		s = e;
	}
}

static void free_words(char **w, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		free(w[i]);
	free(w);
}

static int field_attr(struct tstate *st, const xmlNode *n, const char *name,
		      struct rpt_field *f)
{
	char *v = attr(n, name);
	int rc = 0;
	f->kind = RF_COLUMN;
	f->col = -1;
	if (v && rpt_field_parse(v, f) < 0)
		rc = terror(st, n, "template-field", "unknown field", v);
	if (rc < 0 && !st->field_note++)
		fprintf(stderr, "%s:%ld: note: [template-field] fields are the columns of entries "
			"CSV schema v1, inv_T, ln_rate and file\n", st->path, (long)xmlGetLineNo(n));
	xmlFree(v);
	return rc;
}

static int parse_num_attr(struct tstate *st, const xmlNode *n, const char *name, double *out,
			  int *has)
{
	char *v = attr(n, name);
	int rc = 0;
	*has = 0;
	if (v) {
		char *t = xstrdup(v);
		if (num_parse(str_trim(t), out) < 0)
			rc = terror(st, n, "template-number", "not a number:", v);
		else
			*has = 1;
		free(t);
	}
	xmlFree(v);
	return rc;
}

/*
 * A count attribute (a whole number from 0 to INT_MAX), or def when it is
 * absent; anything else is a template error and gives def.
 */
static int parse_count_attr(struct tstate *st, const xmlNode *n, const char *name, int def)
{
	double num;
	int has;
	char *v;
	if (parse_num_attr(st, n, name, &num, &has) < 0 || !has)
		return def;
	if (num >= 0 && num <= INT_MAX && num == floor(num))
		return (int)num;
	v = attr(n, name);
	terror(st, n, "template-number", "not a whole number from 0 to 2147483647:", v);
	xmlFree(v);
	return def;
}

static int parse_filter(struct tstate *st, const xmlNode *n, struct rpt_filters *fs)
{
	struct rpt_filter f;
	char *v;
	double num;
	int has;
	memset(&f, 0, sizeof(f));
	if (field_attr(st, n, "field", &f.field) < 0)
		return -1;
	if ((v = attr(n, "in")) || (v = attr(n, "not-in"))) {
		f.op = xmlHasProp(n, (const xmlChar *)"in") ? FO_IN : FO_NOT_IN;
		split_words(v, &f.values, &f.nvalues);
		xmlFree(v);
		goto add;
	}
	if ((v = attr(n, "present"))) {
		f.op = FO_PRESENT;
		xmlFree(v);
		goto add;
	}
	if ((v = attr(n, "absent"))) {
		f.op = FO_ABSENT;
		xmlFree(v);
		goto add;
	}
	if (parse_num_attr(st, n, "min", &num, &has) < 0)
		return -1;
	if (has) {
		f.op = FO_MIN;
		f.num = num;
		fs->v = xrealloc(fs->v, (fs->n + 1) * sizeof(*fs->v));
		fs->v[fs->n++] = f;
	}
	if (parse_num_attr(st, n, "max", &num, &has) < 0)
		return -1;
	if (has) {
		f.op = FO_MAX;
		f.num = num;
		goto add;
	}
	return 0;
add:
	fs->v = xrealloc(fs->v, (fs->n + 1) * sizeof(*fs->v));
	fs->v[fs->n++] = f;
	return 0;
}

static int is_numeric_field(const struct rpt_field *f)
{
	if (f->kind == RF_INV_T || f->kind == RF_LN_RATE)
		return 1;
	return f->kind == RF_COLUMN && f->col >= 0 &&
		(entry_cols[f->col].type == CT_NUMBER);
}

static struct rpt_table *parse_table(struct tstate *st, const xmlNode *n)
{
	struct rpt_table *t = xcalloc(1, sizeof(*t));
	const xmlNode *c;
	t->id = attr_dup(n, "id");
	t->note = xstrdup("");
	t->group.col = -1;
	t->sort.col = -1;
	t->line = xmlGetLineNo(n);
	for (c = n->children; c; c = c->next) {
		if (is_elem(c, "title")) {
			set_markup(&t->title, c);
		} else if (is_elem(c, "note")) {
			set_markup(&t->note, c);
		} else if (is_elem(c, "filter")) {
			parse_filter(st, c, &t->filters);
		} else if (is_elem(c, "group")) {
			char *o = attr(c, "order");
			field_attr(st, c, "field", &t->group);
			split_words(o, &t->group_order, &t->ngroup_order);
			xmlFree(o);
		} else if (is_elem(c, "sort")) {
			char *o = attr(c, "order");
			field_attr(st, c, "field", &t->sort);
			t->sort_desc = o && str_eq(o, "descending");
			xmlFree(o);
		} else if (is_elem(c, "column")) {
			struct rpt_tcolumn *col;
			const xmlNode *k;
			t->cols = xrealloc(t->cols, (t->ncols + 1) * sizeof(*t->cols));
			col = &t->cols[t->ncols++];
			memset(col, 0, sizeof(*col));
			field_attr(st, c, "field", &col->field);
			for (k = c->children; k; k = k->next) {
				if (is_elem(k, "label"))
					set_markup(&col->label, k);
				else if (is_elem(k, "unit"))
					set_markup(&col->unit, k);
			}
			if (!col->label)
				col->label = xstrdup(rpt_field_title(&col->field));
			if (!col->unit)
				col->unit = xstrdup(rpt_field_unit(&col->field));
			col->numeric = is_numeric_field(&col->field);
		}
	}
	if (!t->title)
		t->title = xstrdup("");
	return t;
}

static struct rpt_table *parse_stats(struct tstate *st, const xmlNode *n)
{
	struct rpt_table *t = xcalloc(1, sizeof(*t));
	const xmlNode *c;
	char *o;
	t->id = attr_dup(n, "id");
	t->note = xstrdup("");
	t->sort.col = -1;
	t->line = xmlGetLineNo(n);
	field_attr(st, n, "field", &t->value);
	field_attr(st, n, "group", &t->group);
	o = attr(n, "group-order");
	split_words(o, &t->group_order, &t->ngroup_order);
	xmlFree(o);
	for (c = n->children; c; c = c->next) {
		if (is_elem(c, "title"))
			set_markup(&t->title, c);
		else if (is_elem(c, "note")) {
			set_markup(&t->note, c);
		} else if (is_elem(c, "filter"))
			parse_filter(st, c, &t->filters);
	}
	if (!t->title)
		t->title = xstrdup("");
	if (!is_numeric_field(&t->value))
		terror(st, n, "template-stats", "stats need a numeric field", NULL);
	return t;
}

static int bool_attr(const xmlNode *n, const char *name)
{
	char *v = attr(n, name);
	int r = v && str_eq(v, "true");
	xmlFree(v);
	return r;
}

static struct rpt_chart *parse_chart(struct tstate *st, const xmlNode *n)
{
	struct rpt_chart *c = xcalloc(1, sizeof(*c));
	const xmlNode *k;
	char *v;
	double num;
	int has;
	static const char *const kinds[] = { "scatter", "bar", "arrhenius", "strip" };
	size_t i;
	int fields_ok;

	c->id = attr_dup(n, "id");
	c->caption = xstrdup("");
	c->line = xmlGetLineNo(n);
	v = attr(n, "kind");
	for (i = 0; i < ARRAY_SIZE(kinds); i++)
		if (v && str_eq(v, kinds[i]))
			c->kind = (enum rpt_chart_kind)i;
	xmlFree(v);
	{
		int bad = field_attr(st, n, "x", &c->x) < 0;
		bad |= field_attr(st, n, "y", &c->y) < 0;
		bad |= field_attr(st, n, "group", &c->group) < 0;
		bad |= field_attr(st, n, "label", &c->label) < 0;
		fields_ok = !bad;
	}
	v = attr(n, "group-order");
	split_words(v, &c->group_order, &c->ngroup_order);
	xmlFree(v);
	c->xlog = bool_attr(n, "xlog");
	c->ylog = bool_attr(n, "ylog");
	c->box = bool_attr(n, "box");
	c->min_points = parse_count_attr(st, n, "min-points", 2);
	parse_num_attr(st, n, "width", &num, &has);
	c->width = has ? num * 72 / 25.4 : 0;
	parse_num_attr(st, n, "height", &num, &has);
	c->height = (has ? num : 90) * 72 / 25.4;
	for (k = n->children; k; k = k->next) {
		if (is_elem(k, "title"))
			set_markup(&c->title, k);
		else if (is_elem(k, "caption")) {
			set_markup(&c->caption, k);
		} else if (is_elem(k, "xtitle"))
			set_markup(&c->xtitle, k);
		else if (is_elem(k, "ytitle"))
			set_markup(&c->ytitle, k);
		else if (is_elem(k, "filter"))
			parse_filter(st, k, &c->filters);
		else if (is_elem(k, "label")) {
			c->named = xrealloc(c->named, (c->nnamed + 1) * sizeof(*c->named));
			c->named[c->nnamed++] = attr_dup(k, "catalyst");
		}
	}
	if (!c->title)
		c->title = xstrdup("");
	/* What each kind needs beyond the schema. */
	if (!fields_ok)
		return c;
	if (c->kind == CK_SCATTER && (c->x.col < 0 && c->x.kind == RF_COLUMN))
		terror(st, n, "template-chart", "a scatter chart needs x", NULL);
	else if (c->kind != CK_ARRHENIUS && c->y.col < 0 && c->y.kind == RF_COLUMN)
		terror(st, n, "template-chart", "this chart needs y", NULL);
	else if ((c->kind == CK_SCATTER && !is_numeric_field(&c->x)) ||
		 (c->kind != CK_ARRHENIUS && !is_numeric_field(&c->y)))
		terror(st, n, "template-chart", "x and y must be numeric fields", NULL);
	return c;
}

static void add_block(struct report_template *t, enum rpt_block_kind kind, long line)
{
	struct rpt_block *b;
	t->blocks = xrealloc(t->blocks, (t->nblocks + 1) * sizeof(*t->blocks));
	b = &t->blocks[t->nblocks++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->line = line;
}

static void compile(struct tstate *st, const xmlNode *root, struct report_template *t)
{
	const xmlNode *n, *c;
	size_t ci, cj;
	for (n = root->children; n; n = n->next) {
		if (is_elem(n, "title")) {
			set_markup(&t->title, n);
		} else if (is_elem(n, "meta")) {
			char *name = attr(n, "name");
			t->meta = xrealloc(t->meta, (t->nmeta + 1) * sizeof(*t->meta));
			t->meta[t->nmeta].name = xstrdup(name ? name : "");
			t->meta[t->nmeta].value = markup_of(n);
			t->nmeta++;
			xmlFree(name);
		} else if (is_elem(n, "section")) {
			char *title = attr(n, "title");
			if (title) {
				struct buf b = BUF_INIT;
				rpt_markup_escape(title, &b);
				add_block(t, RB_HEADING, xmlGetLineNo(n));
				t->blocks[t->nblocks - 1].text = buf_detach(&b, NULL);
			}
			xmlFree(title);
			for (c = n->children; c; c = c->next) {
				long line = xmlGetLineNo(c);
				if (is_elem(c, "p")) {
					add_block(t, RB_PARA, line);
					t->blocks[t->nblocks - 1].text = markup_of(c);
				} else if (is_elem(c, "table")) {
					add_block(t, RB_TABLE, line);
					t->blocks[t->nblocks - 1].table = parse_table(st, c);
				} else if (is_elem(c, "chart")) {
					add_block(t, RB_CHART, line);
					t->blocks[t->nblocks - 1].chart = parse_chart(st, c);
				} else if (is_elem(c, "summary")) {
					add_block(t, RB_SUMMARY, line);
				} else if (is_elem(c, "findings")) {
					add_block(t, RB_FINDINGS, line);
					t->blocks[t->nblocks - 1].list_limit = parse_count_attr(st, c, "limit", 500);
				} else if (is_elem(c, "stats")) {
					add_block(t, RB_STATS, line);
					t->blocks[t->nblocks - 1].table = parse_stats(st, c);
				} else if (is_elem(c, "entries")) {
					add_block(t, RB_ENTRIES, line);
				} else if (is_elem(c, "bibliography")) {
					add_block(t, RB_BIBLIOGRAPHY, line);
				} else if (is_elem(c, "pagebreak")) {
					add_block(t, RB_PAGEBREAK, line);
				}
			}
		}
	}
	if (!t->title)
		t->title = xstrdup("");
	/* Ids name output files (make reports): they must be unique. */
	for (ci = 0; ci < t->nblocks; ci++) {
		const char *a = t->blocks[ci].chart ? t->blocks[ci].chart->id :
			t->blocks[ci].table ? t->blocks[ci].table->id : NULL;
		for (cj = 0; a && cj < ci; cj++) {
			const char *b = t->blocks[cj].chart ? t->blocks[cj].chart->id :
				t->blocks[cj].table ? t->blocks[cj].table->id : NULL;
			if (b && str_eq(a, b)) {
				fprintf(stderr, "%s:%ld: error: [template-id] duplicate id '%s'\n",
					st->path, t->blocks[ci].line, a);
				st->errors++;
			}
		}
	}
}

static int validate_doc(struct tstate *st, xmlDocPtr doc)
{
	xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt(report_rng, (int)strlen(report_rng));
	xmlRelaxNGPtr schema;
	xmlRelaxNGValidCtxtPtr vc;
	int rc;
	struct tstate schema_st = { "report.rng (built in)", 0, 0 };

	xmlRelaxNGSetParserStructuredErrors(pc, on_xml_error, &schema_st);
	schema = xmlRelaxNGParse(pc);
	xmlRelaxNGFreeParserCtxt(pc);
	if (!schema)
		return error("the built-in template schema does not compile");
	vc = xmlRelaxNGNewValidCtxt(schema);
	xmlRelaxNGSetValidStructuredErrors(vc, on_xml_error, st);
	rc = xmlRelaxNGValidateDoc(vc, doc);
	xmlRelaxNGFreeValidCtxt(vc);
	xmlRelaxNGFree(schema);
	if (rc != 0 && st->errors == 0)
		terror(st, xmlDocGetRootElement(doc), "template-schema",
		       "the template does not follow report.rng", NULL);
	return rc == 0 ? 0 : -1;
}

struct report_template *report_template_load(const char *path)
{
	struct tstate st = { path, 0, 0 };
	struct report_template *t = NULL;
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc = NULL;
	size_t len;
	char *data = file_read_all(path, &len);

	if (!data)
		return NULL;
	if (len > (size_t)64 << 20) {
		fprintf(stderr, "%s:0: error: [template-xml] template larger than 64 MiB\n", path);
		free(data);
		return NULL;
	}
	ctxt = xmlNewParserCtxt();
	if (!ctxt)
		die("out of memory");
	xmlSetStructuredErrorFunc(&st, on_xml_error);
	/* NONET; no NOENT, DTDLOAD, DTDATTR or XINCLUDE: nothing outside the file. */
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, path, NULL,
				XML_PARSE_NONET | XML_PARSE_NOWARNING);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (doc && (doc->intSubset || doc->extSubset)) {
		const char *dt = strstr(data, "<!DOCTYPE"), *p;
		long line = 1;
		for (p = data; dt && p < dt; p++)
			line += *p == '\n';
		fprintf(stderr, "%s:%ld: error: [template-dtd] a template may not have a DOCTYPE "
			"(no DTD is loaded and no entity expanded)\n", path, line);
		st.errors++;
	} else if (doc && st.errors == 0) {
		/*
		 * Compiled even when the schema says no: the compiler's own
		 * messages ("unknown field 'temperature'") say more than the
		 * schema's ("invalid attribute x").
		 */
		validate_doc(&st, doc);
		t = xcalloc(1, sizeof(*t));
		t->path = xstrdup(path);
		compile(&st, xmlDocGetRootElement(doc), t);
	}
	if (!doc && st.errors == 0)
		fprintf(stderr, "%s:0: error: [template-xml] cannot parse the template\n", path);
	if (st.errors && t) {
		report_template_free(t);
		t = NULL;
	}
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	free(data);
	return t;
}

static void filters_free(struct rpt_filters *fs)
{
	size_t i;
	for (i = 0; i < fs->n; i++)
		free_words(fs->v[i].values, fs->v[i].nvalues);
	free(fs->v);
}

void report_template_free(struct report_template *t)
{
	size_t i, j;
	if (!t)
		return;
	for (i = 0; i < t->nblocks; i++) {
		struct rpt_block *b = &t->blocks[i];
		free(b->text);
		if (b->table) {
			struct rpt_table *tb = b->table;
			free(tb->id);
			free(tb->title);
			free(tb->note);
			filters_free(&tb->filters);
			for (j = 0; j < tb->ncols; j++) {
				free(tb->cols[j].label);
				free(tb->cols[j].unit);
			}
			free(tb->cols);
			free_words(tb->group_order, tb->ngroup_order);
			free(tb);
		}
		if (b->chart) {
			struct rpt_chart *c = b->chart;
			free(c->id);
			free(c->title);
			free(c->caption);
			free(c->xtitle);
			free(c->ytitle);
			free_words(c->group_order, c->ngroup_order);
			free_words(c->named, c->nnamed);
			filters_free(&c->filters);
			free(c);
		}
	}
	for (i = 0; i < t->nmeta; i++) {
		free(t->meta[i].name);
		free(t->meta[i].value);
	}
	free(t->meta);
	free(t->blocks);
	free(t->title);
	free(t->path);
	free(t);
}

size_t report_template_nchart(const struct report_template *t)
{
	size_t i, n = 0;
	for (i = 0; i < t->nblocks; i++)
		if (t->blocks[i].kind == RB_CHART)
			n++;
	return n;
}

int report_template_shows_findings(const struct report_template *t)
{
	size_t i;
	for (i = 0; i < t->nblocks; i++)
		if (t->blocks[i].kind == RB_FINDINGS || t->blocks[i].kind == RB_ENTRIES)
			return 1;
	return 0;
}

const char *report_template_chart_id(const struct report_template *t, size_t k)
{
	size_t i, n = 0;
	for (i = 0; i < t->nblocks; i++)
		if (t->blocks[i].kind == RB_CHART && n++ == k)
			return t->blocks[i].chart->id;
	return NULL;
}
