#ifndef CPHUSONG_SYSTEM_H
#define CPHUSONG_SYSTEM_H

/// Swaps the two paths in one atomic step: Linux renameat2(2) with RENAME_EXCHANGE, macOS
/// renamex_np(3) with RENAME_SWAP. Both paths must exist on the same file system. Returns 0,
/// or -1 with errno set; ENOSYS, EINVAL or ENOTSUP when the kernel or the file system (NFS,
/// SMB) cannot exchange. Swift's Glibc module does not declare renameat2 (it needs
/// _GNU_SOURCE), hence this C function.
int phusong_exchange_paths(const char *first, const char *second);

/// Hands the free pages of every malloc arena back to the system: glibc's malloc_trim(0),
/// which Swift's Glibc module does not declare; does nothing on other C libraries.
void phusong_release_free_memory(void);

#endif
