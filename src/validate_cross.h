/*
 * validate_cross.h: the rules that compare entries with each other or with
 * the document's reference list (validate_cross.c), called by the driver
 * in validate.c over a context of validate_ctx.h.
 */
#ifndef NH3CAT_VALIDATE_CROSS_H
#define NH3CAT_VALIDATE_CROSS_H

struct vctx;

/* The cross-entry rules. */
void validate_cross(struct vctx *v);
/* The ref-title rule, with the reference list at path. */
void validate_ref_titles(struct vctx *v, const char *path);

#endif
