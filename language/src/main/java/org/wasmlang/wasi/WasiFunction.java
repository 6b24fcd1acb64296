package org.wasmlang.wasi;

import org.wasmlang.module.FuncType;
import org.wasmlang.module.ValueType;

/**
 * Every function of wasi_snapshot_preview1 with its Wasm signature: 'i' an i32 parameter,
 * 'I' an i64; all return an errno as i32 except proc_exit, which does not return.
 */
public enum WasiFunction {
    ARGS_GET("args_get", "ii"),
    ARGS_SIZES_GET("args_sizes_get", "ii"),
    ENVIRON_GET("environ_get", "ii"),
    ENVIRON_SIZES_GET("environ_sizes_get", "ii"),
    CLOCK_RES_GET("clock_res_get", "ii"),
    CLOCK_TIME_GET("clock_time_get", "iIi"),
    FD_ADVISE("fd_advise", "iIIi"),
    FD_ALLOCATE("fd_allocate", "iII"),
    FD_CLOSE("fd_close", "i"),
    FD_DATASYNC("fd_datasync", "i"),
    FD_FDSTAT_GET("fd_fdstat_get", "ii"),
    FD_FDSTAT_SET_FLAGS("fd_fdstat_set_flags", "ii"),
    FD_FDSTAT_SET_RIGHTS("fd_fdstat_set_rights", "iII"),
    FD_FILESTAT_GET("fd_filestat_get", "ii"),
    FD_FILESTAT_SET_SIZE("fd_filestat_set_size", "iI"),
    FD_FILESTAT_SET_TIMES("fd_filestat_set_times", "iIIi"),
    FD_PREAD("fd_pread", "iiiIi"),
    FD_PRESTAT_GET("fd_prestat_get", "ii"),
    FD_PRESTAT_DIR_NAME("fd_prestat_dir_name", "iii"),
    FD_PWRITE("fd_pwrite", "iiiIi"),
    FD_READ("fd_read", "iiii"),
    FD_READDIR("fd_readdir", "iiiIi"),
    FD_RENUMBER("fd_renumber", "ii"),
    FD_SEEK("fd_seek", "iIii"),
    FD_SYNC("fd_sync", "i"),
    FD_TELL("fd_tell", "ii"),
    FD_WRITE("fd_write", "iiii"),
    PATH_CREATE_DIRECTORY("path_create_directory", "iii"),
    PATH_FILESTAT_GET("path_filestat_get", "iiiii"),
    PATH_FILESTAT_SET_TIMES("path_filestat_set_times", "iiiiIIi"),
    PATH_LINK("path_link", "iiiiiii"),
    PATH_OPEN("path_open", "iiiiiIIii"),
    PATH_READLINK("path_readlink", "iiiiii"),
    PATH_REMOVE_DIRECTORY("path_remove_directory", "iii"),
    PATH_RENAME("path_rename", "iiiiii"),
    PATH_SYMLINK("path_symlink", "iiiii"),
    PATH_UNLINK_FILE("path_unlink_file", "iii"),
    POLL_ONEOFF("poll_oneoff", "iiii"),
    PROC_EXIT("proc_exit", "i"),
    PROC_RAISE("proc_raise", "i"),
    SCHED_YIELD("sched_yield", ""),
    RANDOM_GET("random_get", "ii"),
    SOCK_ACCEPT("sock_accept", "iii"),
    SOCK_RECV("sock_recv", "iiiiii"),
    SOCK_SEND("sock_send", "iiiii"),
    SOCK_SHUTDOWN("sock_shutdown", "ii");

    public static final String MODULE = "wasi_snapshot_preview1";

    private final String wasiName;
    private final FuncType type;

    WasiFunction(String wasiName, String params) {
        this.wasiName = wasiName;
        int[] paramTypes = new int[params.length()];
        for (int i = 0; i < paramTypes.length; i++) {
            paramTypes[i] = params.charAt(i) == 'I' ? ValueType.I64 : ValueType.I32;
        }
        int[] results = wasiName.equals("proc_exit") ? new int[0] : new int[]{ValueType.I32};
        this.type = new FuncType(paramTypes, results);
    }

    public String wasiName() {
        return wasiName;
    }

    public FuncType type() {
        return type;
    }

    /** The function of this name, or null. */
    public static WasiFunction byName(String name) {
        for (WasiFunction f : values()) {
            if (f.wasiName.equals(name)) {
                return f;
            }
        }
        return null;
    }
}
