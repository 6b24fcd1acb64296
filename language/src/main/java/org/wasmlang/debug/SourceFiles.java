package org.wasmlang.debug;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.wasmlang.WasmLanguage;
import org.wasmlang.dwarf.CompileUnit;
import org.wasmlang.dwarf.SourceFile;

import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.TruffleLogger;
import com.oracle.truffle.api.source.Source;

/**
 * The C, C++ or Rust files a module's DWARF names, loaded as Truffle sources through the
 * context's file system (so a host that denies IO denies this too): at the path the compiler
 * recorded, else under each {@code wasmlang.SourcePath} directory with the recorded path made
 * relative, then by file name alone. Files found nowhere are said in one warning per module,
 * made at the first miss: C programs link libraries whose DWARF names files nobody has
 * (wasi-libc's, built in "."), so it lists the compilation units' own files that are
 * missing, those built in an absolute directory (the user's, typically) first.
 */
final class SourceFiles {
    static final TruffleLogger LOG = TruffleLogger.getLogger(WasmLanguage.ID, "debug");

    private final TruffleLanguage.Env env;
    private final List<String> searchPath = new ArrayList<>();
    private final String moduleName;
    private final ConcurrentHashMap<String, Optional<Source>> loaded = new ConcurrentHashMap<>();
    private final AtomicBoolean warned = new AtomicBoolean();

    /** The module's compilation units, whose own files the warning lists. */
    private final List<CompileUnit> units;

    SourceFiles(TruffleLanguage.Env env, String sourcePath, String moduleName, List<CompileUnit> units) {
        this.env = env;
        this.moduleName = moduleName;
        this.units = units;
        for (String dir : sourcePath.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                searchPath.add(dir);
            }
        }
    }

    /** The file's source, or null when it cannot be read (warned about once). */
    Source source(SourceFile file) {
        return loaded.computeIfAbsent(file.path(), p -> Optional.ofNullable(load(file))).orElse(null);
    }

    private Source load(SourceFile file) {
        Source source = locate(file);
        if (source == null && !warned.getAndSet(true)) {
            List<String> missing = new ArrayList<>();
            for (SourceFile unit : unitFiles()) {
                if (!missing.contains(unit.path()) && (unit.path().equals(file.path()) || locate(unit) == null)) {
                    missing.add(unit.path());
                }
            }
            if (!missing.contains(file.path())) {
                missing.add(file.path());
            }
            String shown = String.join(", ", missing.subList(0, Math.min(3, missing.size())))
                            + (missing.size() > 3 ? " and " + (missing.size() - 3) + " more" : "");
            LOG.warning(() -> moduleName + ": source files its DWARF names were not found: " + shown
                            + (searchPath.isEmpty() ? "" : " (also looked in " + String.join(File.pathSeparator, searchPath) + ")")
                            + "; their functions are shown as WebAssembly text. Set --wasmlang.SourcePath to where the sources are.");
        }
        return source;
    }

    /** The compilation units' own files, those built in an absolute directory first. */
    private List<SourceFile> unitFiles() {
        List<SourceFile> files = new ArrayList<>();
        List<SourceFile> builtInRelativeDirectories = new ArrayList<>();
        for (CompileUnit unit : units) {
            String name = unit.name();
            String dir = unit.compDir();
            if (name == null) {
                continue;
            }
            boolean absolute = name.startsWith("/") || dir == null;
            SourceFile file = new SourceFile(name, absolute ? name : dir + "/" + name);
            (absolute || dir.startsWith("/") ? files : builtInRelativeDirectories).add(file);
        }
        files.addAll(builtInRelativeDirectories);
        return files;
    }

    /** The file at the first place it is found, or null. */
    private Source locate(SourceFile file) {
        List<String> candidates = new ArrayList<>();
        candidates.add(file.path());
        String relative = file.written().replace('\\', '/').replaceFirst("^([A-Za-z]:)?/+", "");
        for (String dir : searchPath) {
            candidates.add(dir + "/" + relative);
            candidates.add(dir + "/" + file.fileName());
        }
        for (String candidate : candidates) {
            Source source = read(candidate);
            if (source != null) {
                return source;
            }
        }
        return null;
    }

    private Source read(String path) {
        if (env == null) {
            return null;
        }
        try {
            TruffleFile file = env.getPublicTruffleFile(path);
            if (!file.isRegularFile() || !file.isReadable()) {
                return null;
            }
            return Source.newBuilder(WasmLanguage.ID, file).mimeType("text/plain").cached(false).build();
        } catch (Exception e) {
            // Not allowed, not a valid path, unreadable: try the next place.
            return null;
        }
    }
}
