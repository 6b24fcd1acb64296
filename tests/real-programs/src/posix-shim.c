/* Bodies for posix-shim.h: no-ops that report success. */
#include "posix-shim.h"

int chmod(const char *path, mode_t mode) {
  (void)path;
  (void)mode;
  return 0;
}

int fchmod(int fd, mode_t mode) {
  (void)fd;
  (void)mode;
  return 0;
}

int fchown(int fd, uid_t owner, gid_t group) {
  (void)fd;
  (void)owner;
  (void)group;
  return 0;
}
