#define _GNU_SOURCE
#include "CPhusongSystem.h"

#include <errno.h>

#if defined(__linux__)
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

int phusong_exchange_paths(const char *first, const char *second) {
#ifdef SYS_renameat2
    // The system call itself: glibc gained its renameat2 wrapper only in 2.28.
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#else
    (void)first;
    (void)second;
    errno = ENOSYS;
    return -1;
#endif
}

#elif defined(__APPLE__)
#include <stdio.h>

int phusong_exchange_paths(const char *first, const char *second) {
    return renamex_np(first, second, RENAME_SWAP);
}

#else

int phusong_exchange_paths(const char *first, const char *second) {
    (void)first;
    (void)second;
    errno = ENOSYS;
    return -1;
}

#endif
