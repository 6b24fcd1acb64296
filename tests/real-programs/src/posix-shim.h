/*
 * POSIX permission and ownership calls that wasi-libc leaves out. WASI
 * preview1 has neither permission bits nor owners, so the shims in
 * posix-shim.c accept every request and change nothing. Force-included
 * (-include) into the sources that call them: sqlite's shell, bzip2.
 */
#ifndef POSIX_SHIM_H
#define POSIX_SHIM_H
#include <sys/types.h>

int chmod(const char *path, mode_t mode);
int fchmod(int fd, mode_t mode);
int fchown(int fd, uid_t owner, gid_t group);

#endif
