package org.sightline.indexer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Heap in use and the process's resident memory (Linux /proc), for benchmark reports. */
public final class ProcessMemory {
    private ProcessMemory() {
    }

    public static long heapUsedBytes() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Resident set size in bytes, or -1 where /proc/self/status is not readable. */
    public static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    public static String describe() {
        System.gc();
        return String.format(Locale.ROOT, "heap used %.0f MB, resident %.0f MB", heapUsedBytes() / 1e6, residentBytes() / 1e6);
    }
}
