package org.sightline.indexer.architecture.violation.cycle;

import org.sightline.indexer.architecture.violation.other.CycleEnd;

/** A deliberate package cycle (with {@link CycleEnd}) for ArchitectureTest; not production code. */
public final class CycleStart {
    private CycleStart() {
    }

    public static int depth() {
        return CycleEnd.depth() + 1;
    }
}
