package org.wasmlang.text;

import java.util.HashSet;
import java.util.Set;

/**
 * The {@code $id}s of one index space, made from the name section. A name the text format
 * cannot spell as an id (C++ signatures hold spaces and parentheses) has each such character
 * replaced by {@code _}; a name already taken gets {@code .N} added, because ids must be unique
 * within their space. Items without a name get no id and are referred to by index.
 */
final class Identifiers {
    private final String[] ids;
    private final Set<String> taken = new HashSet<>();

    /** Ids for items 0 .. count-1, named by {@code names} (null for no name). */
    Identifiers(int count, java.util.function.IntFunction<String> names) {
        ids = new String[count];
        for (int i = 0; i < count; i++) {
            String name = names.apply(i);
            if (name != null && !name.isEmpty()) {
                ids[i] = unique(spell(name));
            }
        }
    }

    /** The id of item {@code index} ({@code $name}), or null. */
    String id(int index) {
        return index >= 0 && index < ids.length ? ids[index] : null;
    }

    /** Whether some item has this id. */
    boolean isTaken(String id) {
        return taken.contains(id);
    }

    /** How an instruction or field refers to item {@code index}: its id, else the index. */
    String reference(int index) {
        String id = id(index);
        return id != null ? id : Integer.toUnsignedString(index);
    }

    private String unique(String id) {
        String candidate = id;
        for (int n = 1; !taken.add(candidate); n++) {
            candidate = id + "." + n;
        }
        return candidate;
    }

    /** {@code $} and the name with every character the text format does not allow in ids replaced. */
    static String spell(String name) {
        StringBuilder id = new StringBuilder(name.length() + 1).append('$');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            id.append(isIdChar(c) ? c : '_');
        }
        return id.toString();
    }

    /** The text format's idchar: printable ASCII but space, quotes, comma, semicolon and brackets. */
    static boolean isIdChar(char c) {
        if (c <= 0x20 || c >= 0x7F) {
            return false;
        }
        return switch (c) {
            case '"', ',', ';', '(', ')', '[', ']', '{', '}' -> false;
            default -> true;
        };
    }
}
