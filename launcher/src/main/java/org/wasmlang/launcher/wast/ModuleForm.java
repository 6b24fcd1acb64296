package org.wasmlang.launcher.wast;

/** How a module is written in the script. */
public enum ModuleForm {
    /** (module binary "..."): the bytes are at hand. */
    BINARY,
    /** (module quote "..."): text format inside strings. */
    QUOTE,
    /** Text-format module fields, which this engine cannot read yet. */
    TEXT
}
