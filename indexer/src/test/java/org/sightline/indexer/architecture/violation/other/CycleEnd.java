package org.sightline.indexer.architecture.violation.other;

import org.sightline.indexer.architecture.violation.cycle.CycleStart;

/** The other half of the deliberate cycle with {@link CycleStart}. */
public final class CycleEnd {
    private CycleEnd() {
    }

    public static int depth() {
        return 0;
    }

    public static Class<?> partner() {
        return CycleStart.class;
    }
}
