package org.sightline.indexer.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What a user asks a redacted copy to hide ({@code --redact}, {@code --redact-region}, {@code --redact-track},
 * {@code --redact-method}), or the folder of plans they reviewed ({@code --redact-plan}).
 *
 * @param reviewedPlans     the review folder to export exactly, or null to plan now with the detectors
 * @param detectEverySeconds seconds between frames the detectors examine (0 for the default)
 * @param platesOnVehiclesOnly for plates, hide only text regions on a vehicle the detector finds (else all text)
 */
public record RedactionRequest(Set<RedactTarget> targets, Redaction.Method method, List<RedactionRegion> regions,
                               List<TrackedBoxRequest> tracks, Path reviewedPlans, double detectEverySeconds,
                               boolean platesOnVehiclesOnly) {

    public RedactionRequest {
        targets = Set.copyOf(targets);
        regions = List.copyOf(regions);
        tracks = List.copyOf(tracks);
    }

    /** Whether the object detector is needed (people, vehicles, or plates limited to vehicles). */
    public boolean needsObjectDetector() {
        return targets.contains(RedactTarget.PEOPLE) || targets.contains(RedactTarget.VEHICLES)
                || platesOnVehiclesOnly && targets.contains(RedactTarget.PLATES);
    }

    /** Exactly the plans reviewed in {@code dir}. */
    public static RedactionRequest reviewed(Path dir) {
        return new RedactionRequest(Set.of(), Redaction.Method.BLOCK, List.of(), List.of(), dir, 0, false);
    }
}
