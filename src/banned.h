/*
 * banned.h: calls that nh3cat does not use, refused at compile time.
 *
 * Each has a safer spelling in the codebase: buf_printf or snprintf for
 * sprintf, buf_* for strcpy/strcat, num_parse for atof/atoi, explicit
 * scanning for strtok.  Included last by util.h so that system headers
 * are not affected.
 */
#ifndef NH3CAT_BANNED_H
#define NH3CAT_BANNED_H

#define BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef atoi
#define atoi(x) BANNED(atoi)
#undef atof
#define atof(x) BANNED(atof)

#endif
