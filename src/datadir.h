/*
 * datadir.h: where nh3cat's data files are (report templates, the rules
 * file), for a program installed with "make install" or run from its
 * source tree.
 *
 * The data folder is the first of:
 *   - $NH3CAT_DATADIR, when set;
 *   - the source tree, when the program runs from its build tree (the
 *     folder of /proc/self/exe is the build folder configure recorded, or
 *     holds templates/report.rng itself);
 *   - $(datadir)/nh3cat of the install prefix.
 * It holds templates/NAME.xml, templates/report.rng and rules/default.rules.
 */
#ifndef NH3CAT_DATADIR_H
#define NH3CAT_DATADIR_H

/*
 * The path of rel ("templates/overview.xml") in the data folder when that
 * file exists, else NULL.  Caller frees.
 */
char *data_find(const char *rel);

#endif
