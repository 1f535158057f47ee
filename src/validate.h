/*
 * validate.h: checks of entries against the schema (and, in later
 * versions, the domain rules), reported through struct diag.
 *
 * Every finding carries a rule id.  Schema-level rules:
 *   schema-number   a numeric column holds something other than a plain decimal
 *   schema-enum     source, site_type, method or status outside its values
 *   schema-loading  loading_wt neither "3.8" nor "Ru:1.17;Co:0.41"
 *   schema-ref      ref not a list of reference numbers ("95", "81;82")
 *   schema-metals   metals not a ';'-separated list of element symbols
 */
#ifndef NH3CAT_VALIDATE_H
#define NH3CAT_VALIDATE_H

#include "diag.h"
#include "entry.h"

/*
 * Check every entry of s (read from file) against the schema; findings go
 * to d with the entry's line.  Returns the number of errors emitted.
 */
unsigned long validate_schema(const char *file, const struct entry_set *s, struct diag *d);

/*
 * All checks nh3cat knows, with the default rules: the entry point for
 * commands and reports.  Returns the number of errors emitted.
 */
unsigned long validate_entries(const char *file, const struct entry_set *s, struct diag *d);

/* 1 when s is a loading: "3.8" or "Ru:1.17;Co:0.41" (wt%, each 0..100). */
int loading_is_valid(const char *s);
/* 1 when sym is a chemical element symbol ("Ru", "Co", "N"). */
int element_is_symbol(const char *sym, size_t len);

#endif
