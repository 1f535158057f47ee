/*
 * report.c: render a compiled template: the pages of an A4 PDF (title
 * block, prose, tables and charts in flow, page numbers), or one chart
 * alone as SVG or PNG; then write the file atomically.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fileio.h"
#include "report.h"
#include "report_chart.h"
#include "report_data.h"
#include "report_flow.h"
#include "report_gfx.h"
#include "report_int.h"
#include "report_table.h"

#define A4_W 595.276
#define A4_H 841.890
#define MARGIN 56.693      /* 20 mm */

static const struct gfx_rgb INK = { 0.1, 0.1, 0.1 };
static const struct gfx_rgb GREY = { 0.45, 0.45, 0.45 };

int report_format_from_path(const char *path, enum report_format *out)
{
	if (str_endswith(path, ".pdf") || str_endswith(path, ".PDF"))
		*out = REPORT_PDF;
	else if (str_endswith(path, ".svg") || str_endswith(path, ".SVG"))
		*out = REPORT_SVG;
	else if (str_endswith(path, ".png") || str_endswith(path, ".PNG"))
		*out = REPORT_PNG;
	else
		return -1;
	return 0;
}

static void title_block(struct rpt_flow *f, const struct report_template *t,
			const struct report_data *d)
{
	size_t i;
	struct buf b = BUF_INIT;
	f->y += gfx_text(f->g, FONT_TITLE, t->title, f->x, f->y, f->width, GA_LEFT, INK) + 6;
	for (i = 0; i < t->nmeta; i++) {
		buf_reset(&b);
		buf_addstr(&b, "<b>");
		rpt_markup_escape(t->meta[i].name, &b);
		buf_printf(&b, ":</b> %s", t->meta[i].value);
		f->y += gfx_text(f->g, FONT_SMALL, buf_str(&b), f->x, f->y, f->width, GA_LEFT, GREY) + 1;
	}
	buf_reset(&b);
	buf_printf(&b, "Rendered by %s %s from %zu entr%s in %zu file%s", PACKAGE_NAME, PACKAGE_VERSION,
		   d->nrows, d->nrows == 1 ? "y" : "ies", d->nsets, d->nsets == 1 ? "" : "s");
	if (d->doc) {
		buf_addstr(&b, ", document <b>");
		rpt_markup_escape(d->doc, &b);
		buf_addstr(&b, "</b>");
	}
	buf_addch(&b, '.');
	f->y += gfx_text(f->g, FONT_SMALL, buf_str(&b), f->x, f->y, f->width, GA_LEFT, GREY) + 6;
	gfx_line(f->g, f->x, f->y, f->x + f->width, f->y, 0.9, INK);
	f->y += 14;
	buf_release(&b);
}

static void chart_block(struct rpt_flow *f, const struct rpt_chart *c, const struct report_data *d)
{
	double w = c->width > 0 && c->width < f->width ? c->width : f->width, h = c->height;
	double cw, ch;
	struct buf cap = BUF_INIT;
	struct rpt_chart_layout lay;

	f->figure_no++;
	if (!rpt_chart_probe(c, d, &lay)) {
		/* Nothing to plot: one line of text where the figure would be, no empty box. */
		buf_printf(&cap, "<b>Fig. %d</b>  %s <i>", f->figure_no, c->title);
		rpt_chart_empty_note(c, &lay, lay.nrows, &cap);
		buf_addstr(&cap, "</i>");
		gfx_text_size(f->g, FONT_SMALL, buf_str(&cap), f->width, &cw, &ch);
		if (f->y + ch > f->bottom)
			rpt_flow_newpage(f);
		f->y += gfx_text(f->g, FONT_SMALL, buf_str(&cap), f->x, f->y, f->width, GA_LEFT, INK) + 14;
		if (f->layout)
			rpt_chart_layout_dump(f->layout, c, &lay);
		rpt_chart_layout_release(&lay);
		buf_release(&cap);
		return;
	}
	rpt_chart_layout_release(&lay);
	buf_printf(&cap, "<b>Fig. %d</b>  %s", f->figure_no, c->title);
	if (*c->caption)
		buf_printf(&cap, " %s", c->caption);
	gfx_text_size(f->g, FONT_SMALL, buf_str(&cap), f->width, &cw, &ch);
	if (f->y + h + 6 + ch > f->bottom)
		rpt_flow_newpage(f);
	rpt_chart_draw(f->g, c, d, f->x + (f->width - w) / 2, f->y, w, h, &lay);
	if (f->layout)
		rpt_chart_layout_dump(f->layout, c, &lay);
	rpt_chart_layout_release(&lay);
	f->y += h + 6;
	f->y += gfx_text(f->g, FONT_SMALL, buf_str(&cap), f->x, f->y, f->width, GA_LEFT, INK) + 16;
	buf_release(&cap);
}

/* Room the start of block b needs, to keep a heading with it. */
static double next_height(struct gfx *g, const struct rpt_flow *f, const struct rpt_block *b,
			  const struct rpt_block *end)
{
	double w, h;
	if (b >= end)
		return 0;
	switch (b->kind) {
	case RB_PARA:
		gfx_text_size(g, FONT_BODY, b->text, f->width, &w, &h);
		return h < 120 ? h : 120;
	case RB_CHART:
		return b->chart->height + 30;
	case RB_TABLE:
	case RB_STATS:
	case RB_SUMMARY:
	case RB_FINDINGS:
	case RB_BIBLIOGRAPHY:
		return 90;
	default:
		return 40;
	}
}

static void render_pages(struct gfx *g, const struct report_template *t, const struct report_data *d,
			 FILE *layout)
{
	struct rpt_flow f;
	size_t i;
	memset(&f, 0, sizeof(f));
	f.g = g;
	f.x = MARGIN;
	f.width = A4_W - 2 * MARGIN;
	f.top = MARGIN;
	f.bottom = A4_H - MARGIN;
	f.y = f.top;
	f.page = 1;
	f.layout = layout;
	title_block(&f, t, d);
	for (i = 0; i < t->nblocks; i++) {
		const struct rpt_block *b = &t->blocks[i];
		double w, h;
		switch (b->kind) {
		case RB_HEADING:
			gfx_text_size(g, FONT_HEAD, b->text, f.width, &w, &h);
			/* A heading never sits alone at the foot of a page. */
			if (f.y + h + 10 + next_height(g, &f, b + 1, t->blocks + t->nblocks) > f.bottom)
				rpt_flow_newpage(&f);
			f.y += 4;
			gfx_outline(g, b->text, f.page, f.x, f.y);
			f.y += gfx_text(g, FONT_HEAD, b->text, f.x, f.y, f.width, GA_LEFT, INK) + 6;
			break;
		case RB_PARA:
			gfx_text_size(g, FONT_BODY, b->text, f.width, &w, &h);
			if (f.y + h > f.bottom)
				rpt_flow_newpage(&f);
			f.y += gfx_text(g, FONT_BODY, b->text, f.x, f.y, f.width, GA_LEFT, INK) + 8;
			break;
		case RB_TABLE:
			rpt_table_render(&f, b->table, d);
			break;
		case RB_CHART:
			chart_block(&f, b->chart, d);
			break;
		case RB_SUMMARY:
			rpt_summary_render(&f, d);
			break;
		case RB_FINDINGS:
			rpt_findings_render(&f, d, b->list_limit);
			break;
		case RB_STATS:
			rpt_stats_render(&f, b->table, d);
			break;
		case RB_ENTRIES:
			rpt_entries_render(&f, d);
			break;
		case RB_BIBLIOGRAPHY:
			rpt_bibliography_render(&f, d);
			break;
		case RB_PAGEBREAK:
			if (f.y > f.top)
				rpt_flow_newpage(&f);
			break;
		}
	}
	rpt_flow_footer(&f);
	if (layout)
		fprintf(layout, "pages=%d\n", f.page);
}

static const struct rpt_chart *find_chart(const struct report_template *t, const char *id)
{
	size_t i;
	for (i = 0; i < t->nblocks; i++)
		if (t->blocks[i].kind == RB_CHART && (!id || str_eq(t->blocks[i].chart->id, id)))
			return t->blocks[i].chart;
	return NULL;
}

int report_render(const struct report_template *t, const struct report_data *d,
		  enum report_format fmt, const char *out_path, const struct report_options *opt)
{
	struct report_options none = { NULL, NULL };
	struct gfx *g;
	struct buf bytes = BUF_INIT;
	struct stat st;
	size_t i;
	int rc;

	if (!opt)
		opt = &none;
	if (fmt == REPORT_PDF) {
		g = gfx_new(GFX_PDF, A4_W, A4_H);
		gfx_set_title(g, t->title);
		for (i = 0; i < t->nmeta; i++)
			if (str_casecmp(t->meta[i].name, "author") == 0)
				gfx_set_author(g, t->meta[i].value);
		render_pages(g, t, d, opt->layout);
	} else {
		const struct rpt_chart *c = find_chart(t, opt->chart_id);
		struct rpt_chart_layout lay;
		double w, h;
		if (!c) {
			if (opt->chart_id)
				return error("%s: no chart with id '%s'", t->path, opt->chart_id);
			return error("%s: the template has no chart to draw as %s", t->path,
				     fmt == REPORT_SVG ? "SVG" : "PNG");
		}
		w = c->width > 0 ? c->width : A4_W - 2 * MARGIN;
		h = c->height;
		g = gfx_new(fmt == REPORT_SVG ? GFX_SVG : GFX_PNG, w, h);
		if (fmt == REPORT_SVG) {
			/* A white ground, as on the page. */
			gfx_fill_rect(g, 0, 0, w, h, (struct gfx_rgb){ 1, 1, 1 });
		}
		rpt_chart_draw(g, c, d, 0, 0, w, h, &lay);
		if (opt->layout)
			rpt_chart_layout_dump(opt->layout, c, &lay);
		rpt_chart_layout_release(&lay);
	}
	rc = gfx_finish(g, &bytes);
	gfx_free(g);
	if (rc == 0) {
		if (str_eq(out_path, "-")) {
			if (fwrite(bytes.data, 1, bytes.len, stdout) != bytes.len)
				rc = error("cannot write to standard output");
		} else if (stat(out_path, &st) == 0 && !S_ISREG(st.st_mode)) {
			/* A device or a pipe (/dev/null): written into, never replaced. */
			FILE *f = fopen(out_path, "wb");
			if (!f || fwrite(bytes.data, 1, bytes.len, f) != bytes.len)
				rc = error("cannot write '%s'", out_path);
			if (f && fclose(f) != 0 && rc == 0)
				rc = error("cannot write '%s'", out_path);
		} else {
			rc = file_write_atomic(out_path, bytes.data ? bytes.data : "", bytes.len);
		}
	}
	buf_release(&bytes);
	return rc;
}
