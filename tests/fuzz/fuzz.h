/*
 * fuzz.h: what every fuzz target under tests/fuzz/ defines.
 *
 * A target is one function that takes any bytes and must neither crash,
 * leak, hang nor break the property it checks (it aborts then).  libFuzzer
 * calls it through LLVMFuzzerTestOneInput; tests/fuzz/replay.c, built with
 * the ordinary compiler, calls it on every saved input in make check.
 */
#ifndef NH3CAT_FUZZ_H
#define NH3CAT_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with a message when a property does not hold. */
#define FUZZ_ASSERT(cond) \
	do { \
		if (!(cond)) { \
			fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond); \
			abort(); \
		} \
	} while (0)

#endif
