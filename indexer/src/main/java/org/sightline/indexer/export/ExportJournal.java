package org.sightline.indexer.export;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.sightline.indexer.audit.AuditDetails;
import org.sightline.indexer.audit.AuditLog;

/**
 * Exports under way, one small file each in the data directory ({@code exports-in-progress/}): the process, the
 * case, the target and its unfinished {@code .partial-*} folder. A finished or failed export removes its file; a
 * killed one leaves it, and {@link #sweep()} (run before the next export, and by {@code status}) removes the folder
 * it left, records the abandoned export in the audit trail and says what it removed.
 */
public class ExportJournal {
    /** The data directory's folder of exports under way. */
    public static final String FOLDER = "exports-in-progress";

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path folder;
    private final AuditLog audit;

    /** A journal that keeps nothing (exporters built without a data directory). */
    public static ExportJournal none() {
        return new ExportJournal(null, null);
    }

    public ExportJournal(Path folder, AuditLog audit) {
        this.folder = folder;
        this.audit = audit;
    }

    /** What a running export wrote down; {@code processStart} tells a reused process id from the original. */
    public record Running(long pid, String processStart, Long caseId, String out, String partial, String started) {
    }

    /** An export found abandoned and cleaned up. */
    public record Abandoned(Long caseId, Path out, Path partial, long bytesFreed, String started, String problem) {
        /** In plain words, for the user. */
        public String describe() {
            return "an export to " + out + " started " + started + " was abandoned (its process stopped before it finished); "
                    + (problem == null ? "removed its unfinished folder " + partial + " (" + String.format("%,d", bytesFreed) + " bytes)"
                    : "its unfinished folder " + partial + " could not be removed: " + problem);
        }
    }

    /** Notes an export under way; the returned file is passed to {@link #end(Path)} when it finishes or fails. */
    Optional<Path> begin(Long caseId, Path out, Path partial) throws IOException {
        if (folder == null) {
            return Optional.empty();
        }
        Files.createDirectories(folder);
        ProcessHandle self = ProcessHandle.current();
        Running r = new Running(self.pid(), startOf(self).orElse(null), caseId, out.toString(), partial.toString(),
                Instant.now().toString());
        Path file = folder.resolve(UUID.randomUUID() + ".json");
        Files.write(file, JSON.writeValueAsBytes(r), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SYNC);
        return Optional.of(file);
    }

    void end(Path entry) {
        try {
            Files.deleteIfExists(entry);
        } catch (IOException e) {
            // a leftover entry whose folder is gone is dropped by the next sweep
        }
    }

    /**
     * Removes what exports whose process is gone left behind, records each in the audit trail, and says what was
     * removed. Exports of running processes are left alone.
     */
    public List<Abandoned> sweep() {
        List<Abandoned> found = new ArrayList<>();
        if (folder == null || !Files.isDirectory(folder)) {
            return found;
        }
        List<Path> entries;
        try (Stream<Path> s = Files.list(folder)) {
            entries = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return found;
        }
        for (Path entry : entries) {
            Running r;
            try {
                r = JSON.readValue(entry.toFile(), Running.class);
            } catch (IOException e) {
                continue;
            }
            if (stillRunning(r)) {
                continue;
            }
            Path partial = Path.of(r.partial());
            if (!isPartialFolderOf(partial, Path.of(r.out()))) {
                // a note edited (or damaged) to name something else is never followed into deleting it
                Abandoned a = new Abandoned(r.caseId(), Path.of(r.out()), partial, 0, r.started(), "the note " + entry
                        + " names " + partial + ", which is not an unfinished export folder; it was left alone");
                audit.record(r.caseId(), new AuditDetails.ExportAbandoned(r.out(), r.partial(), 0));
                end(entry);
                found.add(a);
                continue;
            }
            long bytes = sizeOf(partial);
            IOException left = EvidenceExporter.deleteTree(partial);
            Abandoned a = new Abandoned(r.caseId(), Path.of(r.out()), partial, left == null ? bytes : 0, r.started(),
                    left == null ? null : left.getMessage());
            audit.record(r.caseId(), new AuditDetails.ExportAbandoned(r.out(), r.partial(), a.bytesFreed()));
            end(entry);
            found.add(a);
        }
        return found;
    }

    /** {@code .NAME.partial-XXXXXXXX} beside {@code out}, as the exporter names it, and not a link. */
    private static boolean isPartialFolderOf(Path partial, Path out) {
        Path parent = partial.getParent();
        return parent != null && parent.equals(out.getParent()) && out.getFileName() != null
                && partial.getFileName().toString().matches(java.util.regex.Pattern.quote("." + out.getFileName()
                + ".partial-") + "[0-9a-f]{8}")
                && !Files.isSymbolicLink(partial);
    }

    private static boolean stillRunning(Running r) {
        Optional<ProcessHandle> p = ProcessHandle.of(r.pid());
        if (p.isEmpty() || !p.get().isAlive()) {
            return false;
        }
        // the same id given to a later process is not the export's
        return r.processStart() == null || startOf(p.get()).map(r.processStart()::equals).orElse(true);
    }

    private static Optional<String> startOf(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toString);
    }

    private static long sizeOf(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
