package org.wasmlang.launcher.wast;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Parses WebAssembly spec test scripts (.wast). Commands this engine cannot run are kept as
 * UnsupportedCommand, and text-format modules as ModuleCommand with form TEXT, so a runner can
 * count them as skipped; only text that breaks the script grammar is an error.
 */
public final class WastParser {
    private WastParser() {
    }

    /** Parses a whole script; file name only for messages. */
    public static List<WastCommand> parse(String text, String fileName) throws WastSyntaxException {
        List<SExpr> nodes = SExprReader.readAll(text, fileName);
        CommandParser parser = new CommandParser(fileName);
        List<WastCommand> commands = new ArrayList<>(nodes.size());
        for (SExpr node : nodes) {
            commands.add(parser.command(node));
        }
        return Collections.unmodifiableList(commands);
    }
}
