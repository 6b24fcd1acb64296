package org.wasmlang.module;

/** A global defined by the module (not imported). */
public record Global(GlobalType type, ConstantExpression init) {
}
