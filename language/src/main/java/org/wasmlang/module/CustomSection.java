package org.wasmlang.module;

/** A custom section: its name and where its contents lie in the module bytes. */
public record CustomSection(String name, int contentOffset, int contentLength) {
}
