package org.wasmlang.interop;

import org.graalvm.polyglot.proxy.ProxyArray;

/** Byte values as a polyglot array, the way a host without byte[] access passes bytes. */
final class ProxyArrayOf {
    private ProxyArrayOf() {
    }

    static ProxyArray bytes(int... values) {
        Object[] boxed = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return ProxyArray.fromArray(boxed);
    }
}
