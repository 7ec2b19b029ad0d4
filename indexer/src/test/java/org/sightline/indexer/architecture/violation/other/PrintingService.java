package org.sightline.indexer.architecture.violation.other;

/** A deliberate violation for ArchitectureTest: library code printing to standard output. */
public final class PrintingService {
    private PrintingService() {
    }

    public static void report(String message) {
        System.out.println(message);
    }
}
