package org.sightline.indexer.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.sightline.indexer.export.RedactTarget;
import org.sightline.indexer.export.Redaction;
import org.sightline.indexer.export.RedactionRegion;
import org.sightline.indexer.export.RedactionRequest;
import org.sightline.indexer.export.TrackedBoxRequest;
import picocli.CommandLine.Option;

/** The redaction options shared by {@code case export} and {@code case redact-review}. */
public class RedactionOptions {
    @Option(names = "--redact", paramLabel = "WHAT",
            description = "Hide these in every clip and still, found by the installed perception packs: faces, people, "
                    + "vehicles, plates, regions (comma list). The originals are copied unchanged.")
    String redact;
    @Option(names = "--redact-region", paramLabel = "X,Y,W,H",
            description = "Hide this rectangle (fractions of the picture: left, top, width, height) in every clip and still; "
                    + "repeatable. The originals are copied unchanged.")
    List<String> redactRegions;
    @Option(names = "--redact-track", paramLabel = "[ITEM:]T,X,Y,W,H",
            description = "Hide a box drawn at T seconds into the clip (of item ITEM, else of every item) that follows its "
                    + "object from frame to frame; held fixed where the object is lost. Repeatable.")
    List<String> redactTracks;
    @Option(names = "--redact-method", paramLabel = "METHOD", defaultValue = "block",
            description = "How regions are hidden: block (solid black, default) or blur (coarse mosaic).")
    String redactMethod;
    @Option(names = "--redact-every", paramLabel = "SECONDS", defaultValue = "0",
            description = "Seconds between frames the detectors examine (default 0.2); boxes cover the frames between.")
    double redactEvery;
    @Option(names = "--redact-plates-on-vehicles",
            description = "With --redact plates, hide only text regions on a vehicle the detector finds (signs and "
                    + "burned-in clocks stay); by default every text region is hidden.")
    boolean platesOnVehicles;

    /** Whether detectors or tracked boxes are asked for (a plan is made), not only fixed regions. */
    boolean planned() {
        return redact != null || redactTracks != null && !redactTracks.isEmpty();
    }

    /** Whether anything at all is to be hidden. */
    boolean any() {
        return planned() || redactRegions != null && !redactRegions.isEmpty();
    }

    List<RedactionRegion> regions() {
        return redactRegions == null ? List.of() : redactRegions.stream().map(RedactionRegion::parse).toList();
    }

    Redaction.Method method() {
        return Redaction.Method.parse(redactMethod);
    }

    /** The fixed regions alone, as exported before plans existed. */
    Redaction fixedRegions() {
        return redactRegions == null ? Redaction.NONE : new Redaction(regions(), method());
    }

    /** The request for a planned redaction. */
    RedactionRequest request() {
        Set<RedactTarget> targets = redact == null ? EnumSet.of(RedactTarget.REGIONS) : RedactTarget.parseList(redact);
        List<TrackedBoxRequest> tracks = redactTracks == null ? List.of()
                : redactTracks.stream().map(TrackedBoxRequest::parse).toList();
        return new RedactionRequest(targets, method(), regions(), tracks, null, redactEvery, platesOnVehicles);
    }

    static RedactionRequest reviewed(Path dir) {
        return RedactionRequest.reviewed(dir);
    }
}
