package org.sightline.indexer.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.sightline.indexer.app.ModelLibrary;
import org.sightline.models.pack.PackInstallException;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.perception.PerceptionImport;
import org.sightline.models.perception.PerceptionManifest;
import org.sightline.models.perception.install.PerceptionPacks;
import org.sightline.models.perception.StarterPackShelf;
import org.sightline.models.perception.VerifiedPerceptionPack;

/** The lines {@code models list}, {@code verify} and {@code use} print for the perception packs a user installed. */
final class PerceptionPackReport {
    private PerceptionPackReport() {
    }

    /** Lists the installed perception packs (kind, classes, licence, source), verifying each unless told not to; returns failures. */
    static int list(ModelLibrary library, boolean verify, PrintWriter out, PrintWriter err) {
        int failed = 0;
        try {
            var packs = library.perceptionPacks();
            if (!packs.isEmpty()) {
                out.println("Perception packs installed (" + library.perceptionDir() + "):");
            }
            failed += rows(packs, verify, name -> library.verifyPerceptionPack(name).manifestSha256(), out);
        } catch (PackInstallException e) {
            err.println("FAILED  " + e.getMessage());
            failed++;
        }
        return failed;
    }

    /** How a listed pack is verified: its manifest SHA-256, or a verification or installation failure. */
    @FunctionalInterface
    interface PackCheck {
        String manifestSha256(String name);
    }

    /**
     * One row per pack (name, version, kind, verified or why not) with its details line; returns how many are broken
     * or failed verification.
     */
    static int rows(java.util.List<StarterPackShelf.Listing> packs, boolean verify, PackCheck check, PrintWriter out) {
        int failed = 0;
        for (StarterPackShelf.Listing p : packs) {
            String status;
            if (p.problem() != null) {
                status = "BROKEN: " + p.problem();
                failed++;
            } else if (!verify) {
                status = "not checked";
            } else {
                try {
                    status = "verified, manifest sha256 " + check.manifestSha256(p.name()).substring(0, 12);
                } catch (PackVerificationException | PackInstallException e) {
                    status = "FAILED: " + e.getMessage();
                    failed++;
                }
            }
            out.printf("  %-28s %-8s %-42s %s%n", p.name(), p.version(), p.kind(), status);
            if (p.manifest() != null) {
                details(p.manifest(), out);
            }
        }
        return failed;
    }

    /** The line under a perception pack: classes, licence (as its manifest states it, whole), source. */
    static void details(PerceptionManifest m, PrintWriter out) {
        out.println("      " + (m.classNames().isEmpty() ? "" : m.classNames().size() + " classes, ") + "licence: " + m.licence()
                + "; source: " + String.join(", ", PerceptionImport.provenanceOf(m)));
    }

    /** Which pack each use runs: chosen here, or the starter default. */
    static void uses(ModelLibrary library, PrintWriter out) {
        try {
            line(library, PerceptionPacks.Use.OBJECTS, "Indexing detector", out);
            line(library, PerceptionPacks.Use.FACES, "Face detector (redaction)", out);
            line(library, PerceptionPacks.Use.TEXT, "Scene text reader", out);
        } catch (PackInstallException e) {
            out.println("Perception packs: " + e.getMessage());
        }
    }

    private static void line(ModelLibrary library, PerceptionPacks.Use use, String label, PrintWriter out) {
        var name = library.perceptionPackFor(use);
        out.println(label + ": " + name.orElse("none") + (name.isEmpty() ? ""
                : library.perceptionPackChosen(use) ? " (chosen with `sightline models use`)" : " (built-in default)"));
    }

    /** Verifies one installed perception pack; returns 1 on failure. */
    static int verify(ModelLibrary library, String name, PrintWriter out, PrintWriter err) {
        try {
            VerifiedPerceptionPack v = library.verifyPerceptionPack(name);
            out.println("OK      " + name + " " + v.manifest().version() + " (perception pack, "
                    + v.manifest().kind().name().toLowerCase(Locale.ROOT) + ", " + v.manifest().licence() + ")");
            PerceptionImport.provenanceOf(v.manifest()).forEach(line -> out.println("        source: " + line));
            return 0;
        } catch (PackVerificationException | PackInstallException e) {
            err.println("FAILED  " + name + ": " + e.getMessage());
            return 1;
        }
    }

    /** What choosing a pack did. */
    static void chosen(PerceptionPacks.Choice choice, PrintWriter out) {
        String what = switch (choice.use()) {
            case OBJECTS -> "Indexing detector";
            case FACES -> "Face detector for --redact faces";
            case TEXT -> "Scene text reader";
        };
        out.println(what + ": " + choice.pack().name() + " " + choice.pack().manifest().version()
                + " (manifest sha256 " + choice.pack().manifestSha256().substring(0, 12) + ")");
        if (choice.warning() != null) {
            out.println("Warning: " + choice.warning() + ".");
        }
        if (choice.use() != PerceptionPacks.Use.FACES) {
            out.println("The next `sightline index` examines footage with it, files whose detections other packs made included"
                    + " (they are indexed again).");
        }
    }
}
