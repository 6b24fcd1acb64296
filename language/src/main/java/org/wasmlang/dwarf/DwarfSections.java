package org.wasmlang.dwarf;

import org.wasmlang.module.CustomSection;
import org.wasmlang.module.Module;

/** The module's DWARF sections (custom sections named .debug_*); a missing one is empty. */
record DwarfSections(DebugSection info, DebugSection abbrev, DebugSection line, DebugSection str,
                DebugSection lineStr, DebugSection strOffsets, DebugSection addr, DebugSection rnglists,
                DebugSection ranges, DebugSection loclists, DebugSection loc) {

    static DwarfSections of(Module module) {
        return new DwarfSections(find(module, ".debug_info"), find(module, ".debug_abbrev"), find(module, ".debug_line"),
                        find(module, ".debug_str"), find(module, ".debug_line_str"), find(module, ".debug_str_offsets"),
                        find(module, ".debug_addr"), find(module, ".debug_rnglists"), find(module, ".debug_ranges"),
                        find(module, ".debug_loclists"), find(module, ".debug_loc"));
    }

    private static DebugSection find(Module module, String name) {
        // The first section of a name counts, as in other readers.
        for (CustomSection s : module.customSections()) {
            if (s.name().equals(name)) {
                return new DebugSection(name, module.bytes(), s.contentOffset(), s.contentLength());
            }
        }
        return DebugSection.empty(name);
    }
}
