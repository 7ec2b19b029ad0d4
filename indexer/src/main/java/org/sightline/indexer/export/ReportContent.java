package org.sightline.indexer.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sightline.indexer.cases.FoundBy;
import org.sightline.indexer.signing.KeyFingerprint;
import org.sightline.indexer.signing.SignedBy;

/**
 * What an evidence report says, from the package manifest: the case, the exhibits (originals are master exhibits
 * {@code REF/M1...}, each item's clip and still are exhibit {@code REF/E1...}), per item the hit still, its in, out and
 * hit times in file time and on the wall clock with the time's source and zone, the search that found it, notes and
 * tags; every file with size and SHA-256; the audit entries as a table; the signer and a signature block.
 */
final class ReportContent {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter WALL_CLOCK =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL_CLOCK = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS", Locale.ROOT);

    private ReportContent() {
    }

    static ReportDocument build(ExportManifest m) {
        ExportManifest.CaseInfo c = m.caseInfo();
        List<ReportDocument.Block> b = new ArrayList<>();
        b.add(new ReportDocument.Heading(1, "Evidence dossier: " + c.name()));
        b.add(caseFields(m));

        Map<String, String> exhibits = exhibitNumbers(m);
        b.add(new ReportDocument.Heading(2, "Exhibits"));
        List<List<String>> exhibitRows = new ArrayList<>();
        for (ExportManifest.FileEntry f : m.files()) {
            if (f.role().equals(ExportManifest.ROLE_ORIGINAL)) {
                exhibitRows.add(List.of(exhibits.get(f.path()), "master exhibit: bit-for-bit copy of the original recording", f.path()));
            }
        }
        for (ExportManifest.Item item : m.items()) {
            exhibitRows.add(List.of(exhibits.get(item.clip()), "item " + item.position() + ": clip of "
                    + time(item.inSeconds()) + " to " + time(item.outSeconds()) + " and still of the hit frame, made from "
                    + sourceExhibit(exhibits, item), item.clip() + "\n" + item.still()));
        }
        b.add(new ReportDocument.Table(List.of("Exhibit", "What", "File(s)"), exhibitRows, List.of(1.2f, 4f, 4f), List.of()));

        b.add(new ReportDocument.Heading(2, "Items"));
        for (ExportManifest.Item item : m.items()) {
            b.add(new ReportDocument.Heading(3, "Exhibit " + exhibits.get(item.clip()) + ": item " + item.position() + ", "
                    + Path.of(item.recordedPath()).getFileName() + (item.camera() == null ? "" : " (camera " + item.camera() + ")")));
            b.add(new ReportDocument.Image(item.still(), "hit frame of item " + item.position(), item.clip()));
            b.add(itemFields(item, exhibits, m.files()));
        }

        b.add(new ReportDocument.Heading(2, "Files in this package"));
        List<List<String>> fileRows = new ArrayList<>();
        for (ExportManifest.FileEntry f : m.files()) {
            if (f.role().equals(ExportManifest.ROLE_REPORT) || f.role().equals(ExportManifest.ROLE_CHECKSUMS)) {
                continue;
            }
            fileRows.add(List.of(f.path(), exhibits.getOrDefault(f.path(), "-"), f.role(),
                    String.format(Locale.ROOT, "%,d", f.size()), f.sha256()));
        }
        b.add(new ReportDocument.Table(List.of("File", "Exhibit", "Role", "Bytes", "SHA-256"), fileRows,
                List.of(4.2f, 1.1f, 1f, 1.3f, 3.6f), List.of(4)));
        b.add(new ReportDocument.Paragraph("Also in the package, written after this report and so not listed here: "
                + "report.pdf, report.html and SHA256SUMS (their sizes and SHA-256 are in manifest.json), manifest.json, "
                + "manifest.json.sha256, manifest.json.sig and signer-public-key.pem (see Signature).", true));

        b.add(new ReportDocument.Heading(2, "Audit trail of this case"));
        b.add(new ReportDocument.Paragraph(m.audit().entries().size() + " entries about this case. The whole audit "
                + "chain had " + m.audit().chainLengthAtExport() + " entries when the package was made; its head (the hash "
                + "of the last entry) was " + m.audit().chainHeadAtExport() + ". Each entry's chain hash covers the "
                + "entry and the hash before it, so an altered or removed entry breaks every later hash.", false));
        b.add(auditTable(m));
        b.add(new ReportDocument.Paragraph("Hash rule: " + ExportManifest.Audit.HASH_RULE, true));

        b.add(new ReportDocument.Heading(2, "Signature"));
        b.add(signature(m));
        b.add(new ReportDocument.Paragraph("To check this package: sightline verify <folder> (add --trust <fingerprint> "
                + "to require this examiner's key). Without Sightline: sha256sum -c SHA256SUMS; then "
                + "openssl pkeyutl -verify -pubin -inkey signer-public-key.pem -rawin -in manifest.json -sigfile "
                + "manifest.json.sig; then compare the fingerprint above with: openssl pkey -pubin -in "
                + "signer-public-key.pem -outform DER | sha256sum; and check that the SHA-256 of SHA256SUMS is the one "
                + "manifest.json lists for it.", true));
        return new ReportDocument("Evidence dossier " + c.reference() + ": " + c.name(),
                "Case " + c.reference() + ": " + c.name(), b);
    }

    private static ReportDocument.Fields caseFields(ExportManifest m) {
        ExportManifest.CaseInfo c = m.caseInfo();
        List<ReportDocument.Field> f = new ArrayList<>();
        f.add(new ReportDocument.Field("Case reference", c.reference()));
        f.add(new ReportDocument.Field("Case name", c.name()));
        f.add(new ReportDocument.Field("Examiner", c.examiner()));
        f.add(new ReportDocument.Field("Description", blank(c.description()) ? "-" : c.description()));
        f.add(new ReportDocument.Field("Status", c.status().toLowerCase(Locale.ROOT) + ", created " + wallClock(c.created())));
        f.add(new ReportDocument.Field("Exported", wallClock(m.exportedAt()) + " by " + m.exportedBy()));
        f.add(new ReportDocument.Field("Tool", m.tool().name() + " " + m.tool().version() + "; clips: " + m.tool().clipEncoder()));
        f.add(new ReportDocument.Field("Model(s)", m.modelIds().isEmpty() ? "-" : String.join(", ", m.modelIds())));
        f.add(new ReportDocument.Field("Items", String.valueOf(m.items().size())));
        if (m.signer() != null) {
            f.add(new ReportDocument.Field("Signed by", m.signer().name()));
            f.add(new ReportDocument.Field("Key fingerprint", grouped(m.signer())));
        }
        return new ReportDocument.Fields(f);
    }

    private static ReportDocument.Fields itemFields(ExportManifest.Item item, Map<String, String> exhibits,
                                                    List<ExportManifest.FileEntry> files) {
        Instant start = item.recordingStart() == null ? null : Instant.parse(item.recordingStart());
        ZoneId zone = zoneOf(item);
        List<ReportDocument.Field> f = new ArrayList<>();
        f.add(new ReportDocument.Field("In", moment(item.inSeconds(), start, zone)));
        f.add(new ReportDocument.Field("Out", moment(item.outSeconds(), start, zone)));
        f.add(new ReportDocument.Field("Hit frame", moment(item.stillSeconds(), start, zone)));
        f.add(new ReportDocument.Field("Time source", timeSource(item)));
        f.add(new ReportDocument.Field("Clip", String.format(Locale.ROOT, "%d frames at %.3f fps, source frames %s to %s, %.3f s",
                item.clipFrames(), item.clipFramesPerSecond(), time(item.clipFirstFrame()), time(item.clipLastFrame()),
                item.outSeconds() - item.inSeconds())));
        f.add(new ReportDocument.Field("Found by", foundBy(item.foundBy())));
        f.add(new ReportDocument.Field("Explanation", explanation(item.foundBy())));
        f.add(new ReportDocument.Field("Note", blank(item.note()) ? "-" : item.note()));
        f.add(new ReportDocument.Field("Tags", item.tags() == null || item.tags().isEmpty() ? "-" : String.join(", ", item.tags())));
        f.add(new ReportDocument.Field("Source", item.sourcePath() + (item.sourcePath().equals(item.recordedPath()) ? ""
                : " (recorded at " + item.recordedPath() + ")") + ", exhibit " + sourceExhibit(exhibits, item)));
        f.add(new ReportDocument.Field("Source SHA-256", item.sourceSha256()));
        files.stream().filter(x -> item.clip().equals(x.path()) && x.redaction() != null).findFirst().ifPresent(x ->
                f.add(new ReportDocument.Field("Redaction", x.redaction().description() + "; made from exhibit "
                        + sourceExhibit(exhibits, item) + ", which is not changed")));
        return new ReportDocument.Fields(f);
    }

    /** File time, and wall-clock time (UTC) when the recording's start is known. */
    static String moment(double seconds, Instant start) {
        return moment(seconds, start, ZoneOffset.UTC);
    }

    /**
     * File time, and wall-clock time when the recording's start is known: on the camera's clock in its zone, with
     * the zone's name and offset that day, then in UTC ({@code 0:00:04.000 in the file; 2026-07-01 11:11:16.000
     * Europe/London (UTC+01:00); 2026-07-01 10:11:16.000 UTC}); UTC alone for a camera read in UTC.
     */
    static String moment(double seconds, Instant start, ZoneId zone) {
        String file = time(seconds) + " in the file";
        if (start == null) {
            return file + "; wall-clock time not known";
        }
        Instant at = start.plusMillis(Math.round(seconds * 1000));
        String utc = WALL_CLOCK.format(at) + " UTC";
        if (zone.normalized().equals(ZoneOffset.UTC)) {
            return file + "; " + utc;
        }
        var local = at.atZone(zone);
        return file + "; " + LOCAL_CLOCK.format(local) + " " + zone.getId() + " (UTC" + local.getOffset().getId() + "); " + utc;
    }

    /** The camera's zone an item's times are shown in (UTC for packages made before cameras had zones). */
    private static ZoneId zoneOf(ExportManifest.Item item) {
        try {
            return item.zone() == null || "UTC".equals(item.zone()) ? ZoneOffset.UTC : ZoneId.of(item.zone());
        } catch (java.time.DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static String zoneWords(ExportManifest.Item item) {
        ZoneId zone = zoneOf(item);
        String id = zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
        if (item.zoneAssumed() == null) {
            return "zone " + id;
        }
        return item.zoneAssumed() ? "zone " + id + " (the workstation zone" + (item.zoneSource() == null ? "" : ", from the " + item.zoneSource())
                + ": no time zone was set for the camera)"
                : "zone " + id + " (set for " + (item.camera() == null ? "the camera" : "camera " + item.camera()) + ")";
    }

    private static String timeSource(ExportManifest.Item item) {
        if (item.recordingStart() == null) {
            return "none: the file records no start time and its name holds none, so only times in the file are given";
        }
        String source = switch (String.valueOf(item.recordingStartSource())) {
            case "metadata" -> "the file's metadata (container creation time)";
            case "filename" -> "the date and time in the file name (read as UTC)";
            case "burned-in", "burned-in clock" -> "the clock burned into the picture";
            default -> String.valueOf(item.recordingStartSource());
        };
        return source + "; recording start " + WALL_CLOCK.format(Instant.parse(item.recordingStart()))
                + " UTC; " + zoneWords(item) + ". The camera's clock is not independently checked.";
    }

    private static String foundBy(FoundBy f) {
        if (f == null) {
            return "added by hand";
        }
        String found = switch (f.kind()) {
            case FoundBy.PROMPT -> "the search \"" + f.query() + "\"";
            case FoundBy.EXAMPLE -> "a search by example: " + f.query();
            default -> "added by hand";
        };
        if (f.modelId() != null) {
            found += ", model " + f.modelId();
        }
        if (f.indexVersion() != null) {
            found += ", index " + f.indexVersion();
        }
        return found;
    }

    private static String explanation(FoundBy f) {
        if (f == null || f.score() == null) {
            return "chosen by the examiner, not ranked by a search";
        }
        return String.format(Locale.ROOT, "the hit frame's picture scored %.4f (cosine similarity between the model's "
                + "embedding of the %s and of the frame; higher is closer); the examiner reviewed and added it",
                f.score(), FoundBy.EXAMPLE.equals(f.kind()) ? "example" : "prompt");
    }

    private static ReportDocument.Table auditTable(ExportManifest m) {
        Map<Long, Integer> positionByItemId = new HashMap<>();
        m.items().forEach(i -> positionByItemId.put(i.itemId(), i.position()));
        List<List<String>> rows = new ArrayList<>();
        for (ExportManifest.Entry e : m.audit().entries()) {
            Map<String, String> details = readable(e.details());
            String op = details.remove("op");
            String item = details.containsKey("position") ? "item " + details.remove("position")
                    : details.containsKey("itemId") ? itemOf(details.get("itemId"), positionByItemId) : "-";
            details.remove("itemId");
            StringBuilder d = new StringBuilder();
            details.forEach((k, v) -> d.append(d.isEmpty() ? "" : "; ").append(k).append(": ").append(v));
            rows.add(List.of(String.valueOf(e.seq()), wallClock(e.time()), e.user(),
                    e.action().replace('-', ' ') + (op == null ? "" : ": " + op.replace('-', ' ')), item,
                    d.isEmpty() ? "-" : d.toString(), e.hash()));
        }
        return new ReportDocument.Table(List.of("#", "When (UTC)", "Who", "What", "Item", "Details", "Chain hash"),
                rows, List.of(0.5f, 2.1f, 1.1f, 1.5f, 0.9f, 3.4f, 2.6f), List.of(6));
    }

    private static String itemOf(String itemId, Map<Long, Integer> positions) {
        try {
            Integer p = positions.get(Long.parseLong(itemId));
            return p == null ? "removed item" : "item " + p;
        } catch (NumberFormatException e) {
            return "-";
        }
    }

    /** Audit details as label: value pairs (nested values flattened with dots), never as JSON text. */
    static Map<String, String> readable(String detailsJson) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            flatten("", JSON.readTree(detailsJson), out);
        } catch (IOException e) {
            out.put("details", detailsJson.replaceAll("[{}\"]", " ").strip());
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(n -> parts.add(n.isValueNode() ? n.asText() : n.toString().replaceAll("[{}\"\\[\\]]", "")));
            if (!parts.isEmpty()) {
                out.put(prefix, String.join(", ", parts));
            }
        } else {
            out.put(prefix, node.asText());
        }
    }

    private static ReportDocument.SignatureBlock signature(ExportManifest m) {
        SignedBy s = m.signer();
        if (s == null) {
            return new ReportDocument.SignatureBlock(List.of(new ReportDocument.Field("Signature", "none: this package is unsigned")),
                    "This package carries no electronic signature.");
        }
        return new ReportDocument.SignatureBlock(List.of(
                new ReportDocument.Field("Signed by", s.name()),
                new ReportDocument.Field("Method", s.algorithm() + " digital signature, made by Sightline at export"),
                new ReportDocument.Field("Key fingerprint", grouped(s)),
                new ReportDocument.Field("Fingerprint rule", "SHA-256 of the public key's DER encoding (SubjectPublicKeyInfo)"),
                new ReportDocument.Field("Signature file", s.signatureFile() + " (signature of manifest.json)"),
                new ReportDocument.Field("Public key", s.publicKeyFile() + " (also inside manifest.json)"),
                new ReportDocument.Field("Signed at", wallClock(m.exportedAt()) + " UTC")),
                "The signature covers " + s.signs() + ". Any change to any file, to the list of files or to the audit "
                        + "chain head makes the signature fail.");
    }

    private static String grouped(SignedBy s) {
        try {
            return KeyFingerprint.parse(s.fingerprint()).grouped();
        } catch (IllegalArgumentException e) {
            return s.fingerprint();
        }
    }

    /** Exhibit numbers: originals REF/M1..., each item's clip and still REF/E1... (by item position). */
    static Map<String, String> exhibitNumbers(ExportManifest m) {
        String ref = m.caseInfo().reference();
        Map<String, String> out = new LinkedHashMap<>();
        int master = 0;
        for (ExportManifest.FileEntry f : m.files()) {
            if (f.role().equals(ExportManifest.ROLE_ORIGINAL)) {
                out.put(f.path(), ref + "/M" + ++master);
            }
        }
        for (ExportManifest.Item item : m.items()) {
            out.put(item.clip(), ref + "/E" + item.position());
            out.put(item.still(), ref + "/E" + item.position());
        }
        return out;
    }

    /** An ISO instant as {@code 2026-03-01 10:11:12.000}, or the text as it is when it is not one. */
    static String wallClock(String iso) {
        try {
            return WALL_CLOCK.format(Instant.parse(iso));
        } catch (RuntimeException e) {
            return iso;
        }
    }

    /** Seconds as h:mm:ss.mmm. */
    static String time(double seconds) {
        long ms = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The exhibit number of an item's original, or words saying a disclosure copy left it out. */
    private static String sourceExhibit(Map<String, String> exhibits, ExportManifest.Item item) {
        return item.original() == null
                ? "the original with SHA-256 " + item.sourceSha256() + " (left out of this disclosure copy)"
                : exhibits.get(item.original());
    }
}
