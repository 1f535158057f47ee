/*
 * report_rng.h: the RELAX NG schema of templates, compiled in
 * (report_rng.c, generated from templates/report.rng by make).
 */
#ifndef NH3CAT_REPORT_RNG_H
#define NH3CAT_REPORT_RNG_H

/* The built-in RELAX NG schema (templates/report.rng, compiled in). */
extern const char report_rng[];

#endif
