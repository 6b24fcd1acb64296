package org.wasmlang.debug;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.wasmlang.dwarf.DebugInfo;
import org.wasmlang.dwarf.SourceFile;
import org.wasmlang.dwarf.SourceLine;
import org.wasmlang.dwarf.Subprogram;
import org.wasmlang.module.Function;
import org.wasmlang.module.Module;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.source.Source;
import com.oracle.truffle.api.source.SourceSection;

/**
 * The sources a module's DWARF line tables name, for the functions they cover: an
 * instruction's section is its source line, and a statement is the first instruction (that
 * has a node) of each run of instructions on one line. A function without line rows (libc
 * built without {@code -g}, say) or whose file cannot be read is shown as text instead.
 */
final class DwarfSourceView implements SourceView {
    private final DebugInfo info;
    private final Module module;
    private final SourceFiles files;
    private final TextSourceView text;
    private final ConcurrentHashMap<Integer, FunctionLines> functions = new ConcurrentHashMap<>();

    /** What a function's DWARF says, or {@link #TEXT} for a function shown as text. */
    private record FunctionLines(Source source, int firstLine, int lastLine, int[] lineStarts, int[] lineStartLines) {
    }

    private static final FunctionLines TEXT = new FunctionLines(null, 0, 0, null, null);

    DwarfSourceView(DebugInfo info, Module module, SourceFiles files, TextSourceView text) {
        this.info = info;
        this.module = module;
        this.files = files;
        this.text = text;
    }

    @Override
    public DebugInfo debugInfo() {
        return info;
    }

    /** C's {@code main} is {@code __original_main} in the name section, {@code main} in DWARF. */
    @Override
    @TruffleBoundary
    public String functionName(int functionIndex) {
        if (!module.definesFunction(functionIndex)) {
            return null;
        }
        Subprogram subprogram = info.subprogramAt(module.function(functionIndex).codeStart());
        return subprogram == null ? null : subprogram.name();
    }

    @Override
    public boolean showsSource(int functionIndex) {
        return lines(functionIndex) != TEXT;
    }

    @Override
    @TruffleBoundary
    public SourceSection functionSection(int functionIndex) {
        FunctionLines lines = lines(functionIndex);
        if (lines == TEXT) {
            return text.functionSection(functionIndex);
        }
        return lineRange(lines.source(), lines.firstLine(), lines.lastLine());
    }

    @Override
    @TruffleBoundary
    public SourceSection instructionSection(int functionIndex, int byteOffset) {
        FunctionLines lines = lines(functionIndex);
        if (lines == TEXT) {
            return text.instructionSection(functionIndex, byteOffset);
        }
        int start = Arrays.binarySearch(lines.lineStarts(), byteOffset);
        if (start >= 0) {
            return lineRange(lines.source(), lines.lineStartLines()[start], lines.lineStartLines()[start]);
        }
        SourceLine row = info.lineAt(byteOffset);
        if (row == null || row.line() <= 0 || row.file() == null) {
            return null;
        }
        Source source = files.source(row.file());
        return source == null ? null : lineRange(source, row.line(), row.line());
    }

    /**
     * The candidates that begin a line: for each row that starts a statement on a new line,
     * the first candidate before the next such row (a line whose instructions all feed a
     * later one has none).
     */
    @Override
    @TruffleBoundary
    public int[] statements(int functionIndex, int[] candidates) {
        FunctionLines lines = lines(functionIndex);
        if (lines == TEXT) {
            return text.statements(functionIndex, candidates);
        }
        int[] starts = lines.lineStarts();
        int[] statementLines = new int[starts.length];
        int[] statementOffsets = new int[starts.length];
        int count = 0;
        for (int i = 0; i < starts.length; i++) {
            int end = i + 1 < starts.length ? starts[i + 1] : Integer.MAX_VALUE;
            int k = Arrays.binarySearch(candidates, starts[i]);
            int first = k >= 0 ? k : -k - 1;
            if (first < candidates.length && candidates[first] < end) {
                statementOffsets[count] = candidates[first];
                statementLines[count++] = lines.lineStartLines()[i];
            }
        }
        // From now on the statement's own offset names its line.
        functions.put(functionIndex, new FunctionLines(lines.source(), lines.firstLine(), lines.lastLine(),
                        Arrays.copyOf(statementOffsets, count), Arrays.copyOf(statementLines, count)));
        return Arrays.copyOf(statementOffsets, count);
    }

    private FunctionLines lines(int functionIndex) {
        if (!module.definesFunction(functionIndex)) {
            return TEXT;
        }
        return functions.computeIfAbsent(functionIndex, this::read);
    }

    /** The function's rows in its own file; TEXT when there are none or the file is unreadable. */
    private FunctionLines read(int functionIndex) {
        Function function = module.function(functionIndex);
        List<SourceLine> rows = info.linesIn(function.codeStart(), function.codeEnd());
        Subprogram subprogram = info.subprogramAt(function.codeStart());
        SourceFile file = subprogram != null && subprogram.declFile() != null ? subprogram.declFile() : null;
        if (file == null) {
            for (SourceLine row : rows) {
                if (!row.endSequence() && row.line() > 0 && row.file() != null) {
                    file = row.file();
                    break;
                }
            }
        }
        if (file == null) {
            return TEXT;
        }
        Source source = files.source(file);
        if (source == null) {
            return TEXT;
        }
        int first = subprogram != null && subprogram.declLine() > 0 ? subprogram.declLine() : Integer.MAX_VALUE;
        int last = 0;
        List<int[]> starts = new ArrayList<>();
        int previousLine = -1;
        for (SourceLine row : rows) {
            if (row.endSequence() || row.line() <= 0 || row.file() == null || !row.file().path().equals(file.path())) {
                // Compiler-made code and inlined code from other files start no line of this one.
                if (!row.endSequence() && row.line() > 0) {
                    previousLine = -1;
                }
                continue;
            }
            if (row.line() > source.getLineCount()) {
                // The file on disk is not the one the module was built from.
                return TEXT;
            }
            first = Math.min(first, row.line());
            last = Math.max(last, row.line());
            if (row.isStatement() && row.line() != previousLine) {
                starts.add(new int[]{row.moduleOffset(), row.line()});
            }
            previousLine = row.line();
        }
        if (starts.isEmpty()) {
            return TEXT;
        }
        first = Math.min(first, last);
        return new FunctionLines(source, first, last, starts.stream().mapToInt(s -> s[0]).toArray(),
                        starts.stream().mapToInt(s -> s[1]).toArray());
    }

    /** Lines {@code first} to {@code last} whole (an empty last line included). */
    private static SourceSection lineRange(Source source, int first, int last) {
        int start = source.getLineStartOffset(first);
        int end = source.getLineStartOffset(last) + source.getLineLength(last);
        return source.createSection(start, end - start);
    }
}
