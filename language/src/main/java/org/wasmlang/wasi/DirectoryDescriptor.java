package org.wasmlang.wasi;

import java.util.List;

import com.oracle.truffle.api.TruffleFile;

/**
 * An open directory: a preopen or a directory opened below one. It remembers its place
 * as components below the preopen's root so that ".." can never climb above that root.
 */
final class DirectoryDescriptor extends Descriptor {
    final TruffleFile root;
    final List<String> components;
    final boolean readOnly;
    /** The guest-visible name when this is a preopen, else null. */
    final String preopenName;

    DirectoryDescriptor(TruffleFile root, List<String> components, boolean readOnly, String preopenName,
                    long rightsBase, long rightsInheriting) {
        super(rightsBase, rightsInheriting);
        this.root = root;
        this.components = List.copyOf(components);
        this.readOnly = readOnly;
        this.preopenName = preopenName;
    }

    TruffleFile file() {
        TruffleFile file = root;
        for (String c : components) {
            file = file.resolve(c);
        }
        return file;
    }

    @Override
    byte filetype() {
        return FILETYPE_DIRECTORY;
    }
}
