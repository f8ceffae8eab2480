#include "CPhusongSystem.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void phusong_release_free_memory(void) {
#if defined(__GLIBC__)
    (void)malloc_trim(0);
#endif
}
