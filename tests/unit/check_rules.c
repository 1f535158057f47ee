/*
 * check_rules.c: placeholder.
 */
#include <config.h>
#include "testlib.h"
int main(void);
int main(void) { return 0; }
