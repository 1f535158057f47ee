/*
 * extract_qty.h: the number in a table cell (extract_qty.c).
 */
#ifndef NH3CAT_EXTRACT_QTY_H
#define NH3CAT_EXTRACT_QTY_H

/*
 * A plain number in a cell: "60 000", "10.3 x 10^-3", "1.0", "$24\ 000$"
 * (canonical text).  Returns 0 and *v, -1 when the cell is not one number.
 */
int qty_cell_number(const char *text, double *v /* OUT */);

#endif
