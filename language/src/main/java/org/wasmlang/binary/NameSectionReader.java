package org.wasmlang.binary;

import org.wasmlang.module.Names;
import org.wasmlang.validation.WasmMalformedException;

/**
 * Reads the {@code name} custom section. The spec makes its contents advisory, so a
 * malformed name section never rejects a module: we keep what was read before the fault.
 */
final class NameSectionReader {
    private static final int MODULE_NAME = 0;
    private static final int FUNCTION_NAMES = 1;
    private static final int LOCAL_NAMES = 2;

    private NameSectionReader() {
    }

    static Names read(byte[] bytes, int start, int end) {
        BinaryReader r = new BinaryReader(bytes);
        r.setPosition(start);
        r.setLimit(end);
        Names names = Names.create(null);
        try {
            while (!r.atLimit()) {
                int id = r.u8();
                int size = r.length();
                int subsectionEnd = r.position() + size;
                if (subsectionEnd > end) {
                    break;
                }
                switch (id) {
                    case MODULE_NAME -> names = names.withModuleName(r.name());
                    case FUNCTION_NAMES -> {
                        int n = r.count();
                        for (int i = 0; i < n; i++) {
                            int index = r.u32();
                            names.withFunctionName(index, r.name());
                        }
                    }
                    case LOCAL_NAMES -> {
                        int n = r.count();
                        for (int i = 0; i < n; i++) {
                            int function = r.u32();
                            int locals = r.count();
                            for (int k = 0; k < locals; k++) {
                                int local = r.u32();
                                names.withLocalName(function, local, r.name());
                            }
                        }
                    }
                    default -> {
                        Names.Space space = Names.Space.ofSubsection(id);
                        if (space != null) {
                            int n = r.count();
                            for (int i = 0; i < n; i++) {
                                int index = r.u32();
                                names.withName(space, index, r.name());
                            }
                        }
                        // Other subsections (labels, types, ...) are not used yet.
                    }
                }
                r.setPosition(subsectionEnd);
            }
        } catch (WasmMalformedException e) {
            // Advisory section: keep the names read so far.
        }
        return names;
    }
}
