package org.wasmlang.launcher.wast;

import java.util.ArrayList;
import java.util.List;

/** Turns one top-level s-expression into a command. */
final class CommandParser {
    private final String fileName;
    private final ValueParser values;

    CommandParser(String fileName) {
        this.fileName = fileName;
        this.values = new ValueParser(fileName);
    }

    WastCommand command(SExpr node) throws WastSyntaxException {
        FormReader form = form(node, "a command");
        int line = node.line();
        if (form.keyword().equals("invoke") || form.keyword().equals("get")) {
            return new ActionCommand(line, action(node));
        }
        WastCommand command = switch (form.keyword()) {
            case "module" -> module(form, line);
            case "register" -> new RegisterCommand(line, form.string("a registration name").decoded(),
                            form.optionalName());
            case "assert_return" -> assertReturn(form, line);
            case "assert_trap" -> assertTrap(form, line);
            case "assert_exhaustion" -> new AssertExhaustion(line, action(form.next("an action")), message(form));
            case "assert_exception" -> new AssertException(line, action(form.next("an action")));
            case "assert_invalid" -> new AssertInvalid(line, definedModule(form), message(form));
            case "assert_malformed" -> new AssertMalformed(line, definedModule(form), message(form));
            case "assert_unlinkable" -> assertUnlinkable(form, line);
            default -> null;
        };
        if (command == null) {
            return new UnsupportedCommand(line, form.keyword());
        }
        form.expectEnd();
        return command;
    }

    private FormReader form(SExpr node, String what) throws WastSyntaxException {
        if (node instanceof SExpr.Parens parens) {
            return new FormReader(parens, fileName);
        }
        throw new WastSyntaxException(fileName, node.line(), node.column(), "expected " + what + " in parentheses");
    }

    /**
     * (module definition? $name? binary "..."*), the same with quote, a text module
     * (module $name? field*), or 3.0's (module instance $I? $M?).
     */
    private WastCommand module(FormReader form, int line) throws WastSyntaxException {
        if (form.skipAtom("instance")) {
            String first = form.optionalName();
            String second = form.optionalName();
            // With one name, the reference interpreter reads it as the instance's name.
            return new ModuleInstanceCommand(line, first, second);
        }
        boolean definition = form.skipAtom("definition");
        String name = form.optionalName();
        if (form.skipAtom("binary")) {
            return new ModuleCommand(line, name, ModuleForm.BINARY, concatenatedStrings(form), definition);
        }
        if (form.skipAtom("quote")) {
            concatenatedStrings(form);
            return new ModuleCommand(line, name, ModuleForm.QUOTE, null, definition);
        }
        while (form.hasNext()) {
            form.parens("a module field");
        }
        return new ModuleCommand(line, name, ModuleForm.TEXT, null, definition);
    }

    private static byte[] concatenatedStrings(FormReader form) throws WastSyntaxException {
        List<byte[]> parts = new ArrayList<>();
        int size = 0;
        while (form.hasNext()) {
            byte[] part = form.string("module bytes").bytes();
            parts.add(part);
            size += part.length;
        }
        byte[] all = new byte[size];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }

    /** A (module ...) inside an assertion; 3.0 may also give (module instance ...) there. */
    private WastCommand moduleOrInstance(FormReader outer) throws WastSyntaxException {
        SExpr node = outer.next("a module");
        FormReader inner = form(node, "a module");
        if (!inner.keyword().equals("module")) {
            throw outer.error(node, "expected (module ...)");
        }
        WastCommand module = module(inner, node.line());
        inner.expectEnd();
        return module;
    }

    private ModuleCommand definedModule(FormReader outer) throws WastSyntaxException {
        if (moduleOrInstance(outer) instanceof ModuleCommand module) {
            return module;
        }
        throw outer.error(outer.lastItem(), "(module instance) cannot be used here");
    }

    /** (invoke $M? "name" const*) or (get $M? "name"). */
    private Action action(SExpr node) throws WastSyntaxException {
        FormReader form = form(node, "an action");
        String moduleName = form.optionalName();
        Action action = switch (form.keyword()) {
            case "invoke" -> {
                String field = form.string("an export name").decoded();
                List<WastValue> args = new ArrayList<>();
                while (form.hasNext()) {
                    args.add(values.argument(form.next("an argument")));
                }
                yield new Action.Invoke(moduleName, field, args);
            }
            case "get" -> new Action.Get(moduleName, form.string("an export name").decoded());
            default -> throw form.error(node, "expected (invoke ...) or (get ...)");
        };
        form.expectEnd();
        return action;
    }

    private String message(FormReader form) throws WastSyntaxException {
        return form.string("a failure message").decoded();
    }

    private AssertReturn assertReturn(FormReader form, int line) throws WastSyntaxException {
        Action action = action(form.next("an action"));
        List<Expected> results = new ArrayList<>();
        while (form.hasNext()) {
            results.add(values.expected(form.next("a result")));
        }
        return new AssertReturn(line, action, results);
    }

    /** (assert_trap action "msg") or, for traps during instantiation, with a module instead. */
    private WastCommand assertTrap(FormReader form, int line) throws WastSyntaxException {
        if (startsModule(form)) {
            WastCommand module = moduleOrInstance(form);
            String message = message(form);
            return module instanceof ModuleInstanceCommand instance
                            ? new AssertInstanceTrap(line, instance, message)
                            : new AssertTrap(line, null, (ModuleCommand) module, message);
        }
        return new AssertTrap(line, action(form.next("an action")), null, message(form));
    }

    private WastCommand assertUnlinkable(FormReader form, int line) throws WastSyntaxException {
        WastCommand module = moduleOrInstance(form);
        String message = message(form);
        return module instanceof ModuleInstanceCommand instance
                        ? new AssertInstanceUnlinkable(line, instance, message)
                        : new AssertUnlinkable(line, (ModuleCommand) module, message);
    }

    private static boolean startsModule(FormReader form) {
        return form.peek() instanceof SExpr.Parens parens && !parens.items().isEmpty()
                        && parens.items().get(0) instanceof SExpr.Atom head && head.text().equals("module");
    }
}
