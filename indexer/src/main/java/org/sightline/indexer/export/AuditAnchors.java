package org.sightline.indexer.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sightline.indexer.audit.AuditEntry;
import org.sightline.indexer.signing.DetachedSignature;
import org.sightline.indexer.signing.SignatureCheck;
import org.sightline.indexer.signing.TrustedKeys;

/**
 * Everything known outside the audit log about what it held: signed checkpoints ({@link AuditCheckpoint}) and the
 * entries and chain head evidence packages recorded. Checked against the log, they show what the chain alone
 * cannot: entries cut off after an anchor, or a chain rewritten with recomputed hashes.
 */
public final class AuditAnchors {

    /** One thing known about the log: entry {@code seq} had {@code hash}, according to {@code source}. */
    public record Anchor(String source, long seq, String hash) {
    }

    /**
     * What the check found.
     *
     * @param anchors      how many anchors were compared
     * @param problems     each entry missing or different from an anchor, and each anchor that could not be used
     *                     (unreadable, badly signed); empty when the log agrees with every anchor
     * @param lastAnchored the newest entry an anchor covers (0 when none)
     * @param lastSource   where that anchor came from, or null
     * @param headSeq      the log's last entry now
     * @param untrusted    anchors not used because nothing vouches for them: an evidence package whose manifest is
     *                     unsigned, badly signed or signed by a key not trusted here (anyone can write a manifest)
     */
    public record Outcome(int anchors, List<String> problems, long lastAnchored, String lastSource, long headSeq,
                          List<String> untrusted) {
        public Outcome {
            problems = List.copyOf(problems);
            untrusted = List.copyOf(untrusted);
        }

        /** The log agrees with every anchor, and every anchor given could be used. */
        public boolean holds() {
            return problems.isEmpty() && untrusted.isEmpty();
        }

        /** Entries after the newest anchor: nothing outside the log vouches for them yet. */
        public long unanchored() {
            return Math.max(0, headSeq - lastAnchored);
        }
    }

    private final List<Anchor> anchors = new ArrayList<>();
    private final List<String> unusable = new ArrayList<>();
    private final List<String> untrusted = new ArrayList<>();

    /** A checkpoint file, used when it reads and its signature is valid (and by a trusted key); else a problem. */
    public void addCheckpoint(Path file, TrustedKeys trust) {
        AuditCheckpoint c;
        try {
            c = AuditCheckpoints.read(file);
        } catch (IOException e) {
            unusable.add(e.getMessage());
            return;
        }
        SignatureCheck sig = c.check(trust);
        if (!sig.valid()) {
            unusable.add("checkpoint " + file + " is not usable: " + sig.problem());
            return;
        }
        anchors.add(new Anchor("checkpoint " + file, c.seq(), c.hash()));
    }

    /**
     * The audit entries an evidence package recorded and the chain's head when it was made, used only when the
     * package's manifest carries a valid signature by a key {@code trust} accepts; else reported as untrusted.
     */
    public void addPackage(Path dir, TrustedKeys trust) {
        ExportManifest manifest;
        SignatureCheck sig;
        try {
            manifest = ExportVerifier.readManifest(dir);
            Path manifestFile = dir.resolve(ExportManifest.MANIFEST);
            sig = DetachedSignature.check(manifestFile, Files.readAllBytes(manifestFile), manifest.signer(), trust);
        } catch (IOException e) {
            unusable.add(e.getMessage());
            return;
        }
        if (!sig.valid()) {
            String why = switch (sig.status()) {
                case UNSIGNED -> "its manifest is unsigned";
                case INVALID -> "its manifest is badly signed";
                case UNTRUSTED, VALID -> "its manifest is signed by a key not trusted here";
            };
            untrusted.add("package " + dir + ": its audit entries were NOT used as anchors, " + why + " (" + sig.problem() + ")");
            return;
        }
        ExportManifest.Audit recorded = manifest.audit();
        if (recorded == null) {
            unusable.add("package " + dir + " records no audit entries");
            return;
        }
        String source = "package " + dir;
        recorded.entries().forEach(e -> anchors.add(new Anchor(source, e.seq(), e.hash())));
        if (recorded.chainLengthAtExport() > 0) {
            anchors.add(new Anchor(source, recorded.chainLengthAtExport(), recorded.chainHeadAtExport()));
        }
    }

    /** Compares every anchor with the log's entries (all of them, in order). */
    public Outcome check(List<AuditEntry> entries) {
        Map<Long, String> stored = new HashMap<>();
        entries.forEach(e -> stored.put(e.seq(), e.hash()));
        long head = entries.isEmpty() ? 0 : entries.getLast().seq();
        List<String> problems = new ArrayList<>(unusable);
        List<Anchor> sorted = anchors.stream().sorted(Comparator.comparingLong(Anchor::seq)).toList();
        for (Anchor a : sorted) {
            String hash = stored.get(a.seq());
            if (hash == null && a.seq() <= head) {
                problems.add("entry " + a.seq() + " is missing from the log (deleted), though " + a.source() + " anchors it");
            } else if (hash != null && !hash.equals(a.hash())) {
                problems.add("entry " + a.seq() + " has hash " + hash + " but " + a.source() + " anchors it as "
                        + a.hash() + ": the log was rewritten (or cut and written again) up to this entry");
            }
        }
        if (!sorted.isEmpty() && sorted.getLast().seq() > head) {
            Anchor beyond = sorted.getLast();
            problems.add("entry " + (head + 1) + " is missing" + (beyond.seq() > head + 1 ? " (and every entry up to "
                    + beyond.seq() + ")" : "") + ": the log ends at entry " + head + ", cut short, but " + beyond.source()
                    + " anchors entry " + beyond.seq() + " as " + beyond.hash());
        }
        Optional<Anchor> last = anchors.stream().max(Comparator.comparingLong(Anchor::seq));
        return new Outcome(anchors.size(), problems, last.map(Anchor::seq).orElse(0L),
                last.map(Anchor::source).orElse(null), head, untrusted);
    }
}
