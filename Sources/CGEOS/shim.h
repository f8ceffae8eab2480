// Only GEOS's reentrant (_r) API: every call takes an explicit context handle,
// so no global state is shared between threads.
#ifndef PHUSONG_CGEOS_SHIM_H
#define PHUSONG_CGEOS_SHIM_H
#define GEOS_USE_ONLY_R_API 1
#include <geos_c.h>
#endif
