#include "CSystemMemory.h"
#include <stdio.h>
#include <unistd.h>
#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#endif

long long aufwind_resident_bytes(void) {
#if defined(__linux__)
    FILE *file = fopen("/proc/self/statm", "r");
    if (file == NULL) return -1;
    long long size = 0, resident = 0;
    int read = fscanf(file, "%lld %lld", &size, &resident);
    fclose(file);
    return read == 2 ? resident * (long long)sysconf(_SC_PAGESIZE) : -1;
#else
    return -1;
#endif
}

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
