// Tries to leave the preopened directory (fd 3) every way the WASI calls allow and
// prints one line per attempt: "<name> <errno>" (0 means the call succeeded).
// Raw wasi_snapshot_preview1 calls, so that no libc path handling hides anything.
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

#define DIR 3
#define ALL_RIGHTS ((__wasi_rights_t) 0x3fffffff)

static int open_at(__wasi_fd_t dir, __wasi_lookupflags_t follow, const char *path, __wasi_oflags_t oflags,
                   __wasi_fd_t *fd) {
    return __wasi_path_open(dir, follow, path, oflags, ALL_RIGHTS, ALL_RIGHTS, 0, fd);
}

static void report(const char *name, int err) {
    printf("%s %d\n", name, err);
}

static void try_read(const char *name, __wasi_fd_t dir, __wasi_lookupflags_t follow, const char *path) {
    __wasi_fd_t fd;
    int err = open_at(dir, follow, path, 0, &fd);
    if (err == 0) {
        char buf[64];
        __wasi_iovec_t iov = {(uint8_t *) buf, sizeof buf - 1};
        __wasi_size_t n = 0;
        (void) !__wasi_fd_read(fd, &iov, 1, &n);
        buf[n] = 0;
        printf("%s 0 read:%s\n", name, buf);
        (void) !__wasi_fd_close(fd);
        return;
    }
    report(name, err);
}

int main(void) {
    __wasi_fd_t fd;
    // A positive control: the file inside is readable.
    try_read("inside", DIR, 1, "inside.txt");
    try_read("dotdot", DIR, 1, "../secret.txt");
    try_read("absolute", DIR, 1, "/secret.txt");
    try_read("nested-dotdot", DIR, 1, "sub/../../secret.txt");
    try_read("host-absolute-link", DIR, 1, "out-link/secret.txt");
    try_read("host-relative-link", DIR, 1, "rel-link");
    try_read("host-relative-link-nofollow", DIR, 0, "rel-link");

    // From a directory opened below the preopen, ".." may not climb above it either.
    int err = __wasi_path_open(DIR, 0, "sub", __WASI_OFLAGS_DIRECTORY, ALL_RIGHTS & ~(__wasi_rights_t) (
                                   __WASI_RIGHTS_FD_WRITE | __WASI_RIGHTS_FD_DATASYNC | __WASI_RIGHTS_FD_ALLOCATE |
                                   __WASI_RIGHTS_FD_FILESTAT_SET_SIZE), ALL_RIGHTS, 0, &fd);
    report("open-sub", err);
    if (err == 0) {
        try_read("sub-dotdot", fd, 1, "../inside.txt");
        (void) !__wasi_fd_close(fd);
    }

    report("guest-relative-symlink", __wasi_path_symlink("../secret.txt", DIR, "my-link"));
    try_read("guest-link-follow", DIR, 1, "my-link");
    report("guest-absolute-symlink", __wasi_path_symlink("/etc/passwd", DIR, "abs-link"));

    report("create-outside", open_at(DIR, 0, "../created.txt", __WASI_OFLAGS_CREAT, &fd));
    report("create-through-link", open_at(DIR, 1, "out-link/created.txt", __WASI_OFLAGS_CREAT, &fd));
    report("truncate-outside", open_at(DIR, 1, "../secret.txt", __WASI_OFLAGS_TRUNC, &fd));
    report("mkdir-outside", __wasi_path_create_directory(DIR, "../made-dir"));
    report("unlink-outside", __wasi_path_unlink_file(DIR, "../secret.txt"));
    report("rename-out", __wasi_path_rename(DIR, "inside.txt", DIR, "../moved.txt"));
    report("rename-in", __wasi_path_rename(DIR, "../secret.txt", DIR, "stolen.txt"));
    report("hardlink-in", __wasi_path_link(DIR, 0, "../secret.txt", DIR, "hard.txt"));
    report("hardlink-through-link", __wasi_path_link(DIR, 0, "out-link/secret.txt", DIR, "hard2.txt"));
    __wasi_filestat_t stat;
    report("stat-outside", __wasi_path_filestat_get(DIR, 1, "../secret.txt", &stat));
    report("stat-through-link", __wasi_path_filestat_get(DIR, 1, "out-link", &stat));
    report("times-through-link", __wasi_path_filestat_set_times(DIR, 1, "rel-link", 0, 0,
                                                                __WASI_FSTFLAGS_MTIM_NOW));
    report("rmdir-outside", __wasi_path_remove_directory(DIR, "../outside-dir"));
    report("symlink-loop", __wasi_path_symlink("loop", DIR, "loop"));
    try_read("follow-loop", DIR, 1, "loop");
    return 0;
}
