package org.sightline.indexer.cli;

import java.io.PrintWriter;
import org.sightline.models.pack.PackInstallException;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.perception.StarterPackShelf;
import org.sightline.models.perception.VerifiedPerceptionPack;

/** The lines {@code models list} and {@code models verify} print for the built-in starter perception packs. */
final class StarterPackReport {
    private StarterPackReport() {
    }

    /** Lists the starter packs, verifying each unless told not to; returns how many failed. */
    static int list(StarterPackShelf shelf, boolean verify, PrintWriter out, PrintWriter err) {
        if (shelf.location().isEmpty()) {
            return 0;
        }
        int failed = 0;
        try {
            var packs = shelf.list();
            out.println("Built-in starter packs (read-only, " + shelf.location().get() + "):");
            failed += PerceptionPackReport.rows(packs, verify, name -> shelf.verify(name).manifestSha256(), out);
        } catch (PackInstallException e) {
            err.println("FAILED  " + e.getMessage());
            failed++;
        }
        return failed;
    }

    /** Verifies one starter pack and prints the outcome; returns 1 on failure. */
    static int verify(StarterPackShelf shelf, String name, PrintWriter out, PrintWriter err) {
        try {
            VerifiedPerceptionPack v = shelf.verify(name);
            var prov = v.manifest().provenance();
            out.println("OK      " + name + " " + v.manifest().version() + " (built-in starter pack, " + v.manifest().licence() + ")");
            if (prov != null) {
                out.println("        from npm " + prov.packageName() + "@" + prov.version() + " " + prov.integrity());
            }
            return 0;
        } catch (PackVerificationException | PackInstallException e) {
            err.println("FAILED  " + name + ": " + e.getMessage());
            return 1;
        }
    }
}
