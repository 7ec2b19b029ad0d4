package org.sightline.indexer.export;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bytedeco.javacv.Frame;

/**
 * What is hidden in one case item's derivative clip and still: for every frame of the clip (a span of source time
 * around the frame), the boxes to hide and where each came from. Written as JSON for review
 * ({@code case redact-review}); the user may drop or add boxes and export exactly the edited plan
 * ({@code case export --redact-plan}).
 *
 * @param item          the case item's position
 * @param itemId        the case item's id
 * @param sourceSha256  SHA-256 of the source video (the original, never changed)
 * @param inSeconds     the item's span in the source; {@code outSeconds} its end
 * @param method        {@code block} or {@code blur}
 * @param targets       what was asked for ({@code people}, {@code plates}, ...)
 * @param manualBoxes   the user's boxes as given ({@code x,y,w,h}, tracked ones as {@code t,x,y,w,h})
 * @param detectorPacks the packs that found boxes: name, version and manifest SHA-256 of each
 * @param notes         what the planner wants the reviewer to know (a tracked box lost and held fixed, ...)
 * @param spans         source-time spans {@code [from, to)} in order, each with its boxes
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RedactionPlan(String format, String caseReference, int item, long itemId, String sourceSha256,
                            String sourceFile, double inSeconds, double outSeconds, String method, List<String> targets,
                            List<String> manualBoxes, List<String> detectorPacks, List<String> notes, List<Span> spans)
        implements FrameRedaction {

    public static final String FORMAT = "sightline-redaction-plan/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The boxes hidden in frames whose source time {@code t} has {@code from <= t < to}. */
    public record Span(double from, double to, List<PlannedBox> boxes) {
        public Span {
            boxes = boxes == null ? List.of() : List.copyOf(boxes);
        }
    }

    public RedactionPlan {
        Objects.requireNonNull(sourceSha256, "sourceSha256");
        targets = targets == null ? List.of() : List.copyOf(targets);
        manualBoxes = manualBoxes == null ? List.of() : List.copyOf(manualBoxes);
        detectorPacks = detectorPacks == null ? List.of() : List.copyOf(detectorPacks);
        notes = notes == null ? List.of() : List.copyOf(notes);
        spans = spans == null ? List.of() : List.copyOf(spans);
        method = Redaction.Method.parse(method == null ? "block" : method).code();
    }

    @JsonIgnore
    Redaction.Method redactionMethod() {
        return Redaction.Method.parse(method);
    }

    /** The boxes at source time {@code t}, or none when no span holds it. */
    public List<PlannedBox> boxesAt(double t) {
        int lo = 0;
        int hi = spans.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Span s = spans.get(mid);
            if (t < s.from()) {
                hi = mid - 1;
            } else if (t >= s.to()) {
                lo = mid + 1;
            } else {
                return s.boxes();
            }
        }
        return List.of();
    }

    @Override
    public void apply(Frame frame, double sourceSeconds) {
        List<int[]> rects = new ArrayList<>();
        for (PlannedBox b : boxesAt(sourceSeconds)) {
            rects.add(b.pixels(frame.imageWidth, frame.imageHeight));
        }
        Redaction.hide(frame, rects, redactionMethod());
    }

    /** Whether the plan hides anything (a plan reviewed down to no boxes still makes a clip marked redacted). */
    @Override
    public boolean any() {
        return true;
    }

    /** Every box of the plan, counted over all spans. */
    public int boxCount() {
        return spans.stream().mapToInt(s -> s.boxes().size()).sum();
    }

    /** The same plan with other spans (a reviewer's edit, or a test's). */
    public RedactionPlan withSpans(List<Span> edited) {
        return new RedactionPlan(format, caseReference, item, itemId, sourceSha256, sourceFile, inSeconds, outSeconds,
                method, targets, manualBoxes, detectorPacks, notes, edited);
    }

    /** File name of an item's plan in a review folder. */
    public static String fileName(int item) {
        return String.format(java.util.Locale.ROOT, "item%02d.plan.json", item);
    }

    public void write(Path file) throws IOException {
        Files.write(file, JSON.writeValueAsBytes(this));
    }

    /** Reads a plan, saying which file is wrong and how. */
    public static RedactionPlan read(Path file) throws IOException {
        try {
            RedactionPlan p = JSON.readValue(file.toFile(), RedactionPlan.class);
            if (!FORMAT.equals(p.format())) {
                throw new IOException("redaction plan " + file + " has format " + p.format() + ", expected " + FORMAT);
            }
            return p;
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("redaction plan ") ? e
                    : new IOException("redaction plan " + file + " cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException("redaction plan " + file + " is not valid: " + e.getMessage(), e);
        }
    }
}
