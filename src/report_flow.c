/*
 * report_flow.c: the page a table or chart flows onto: a new page gets
 * the number of the one it ends below its body (see report_flow.h).
 */
#include <config.h>

#include "report_flow.h"

#include "report_gfx.h"
#include "report_int.h"

static const struct gfx_rgb GREY = { 0.45, 0.45, 0.45 };

void rpt_flow_footer(struct rpt_flow *f)
{
	struct buf b = BUF_INIT;
	buf_printf(&b, "%d", f->page);
	gfx_text(f->g, FONT_SMALL, buf_str(&b), f->x + f->width / 2, f->bottom + 18, 0,
		 GA_CENTER, GREY);
	buf_release(&b);
}

void rpt_flow_newpage(struct rpt_flow *f)
{
	rpt_flow_footer(f);
	gfx_page(f->g);
	f->page++;
	f->y = f->top;
}
