/* libc calls Lua's io library uses that wasi-libc declares but does not
   define. WASI preview1 has no temporary directory, so io.tmpfile() fails
   with an error message instead of the link failing. */
#include <errno.h>
#include <stdio.h>

FILE *tmpfile(void) {
  errno = ENOTSUP;
  return NULL;
}
