#ifndef CSYSTEMMEMORY_H
#define CSYSTEMMEMORY_H

/// Returns freed heap pages to the operating system (glibc's malloc_trim); a no-op elsewhere.
int aufwind_release_free_memory(void);

/// The process's resident size in bytes (Linux: /proc/self/statm), -1 where unknown.
long long aufwind_resident_bytes(void);

/// Caps glibc's per-thread malloc arenas, which otherwise keep freed memory resident per thread.
void aufwind_limit_malloc_arenas(int count);

#endif
