#include "CSystemMemory.h"
#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#endif

int aufwind_release_free_memory(void) {
#if defined(__linux__) && defined(__GLIBC__)
    return malloc_trim(0);
#else
    return 0;
#endif
}

void aufwind_limit_malloc_arenas(int count) {
#if defined(__linux__) && defined(__GLIBC__)
    mallopt(M_ARENA_MAX, count);
#else
    (void)count;
#endif
}
