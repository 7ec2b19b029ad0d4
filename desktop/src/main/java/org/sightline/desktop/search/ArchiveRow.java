package org.sightline.desktop.search;

import java.util.Locale;
import java.util.Optional;
import org.sightline.desktop.viewer.Timecodes;
import org.sightline.indexer.search.ArchiveSearchResult.ArchiveFile;

/**
 * One file of a team archive search as the page shows it: its still (from the archive, so any workstation's), the
 * workstation that indexed it, camera, best offset, score, and where this workstation can open it, in words.

 */
public record ArchiveRow(ArchiveFile file) {
    /** The JPEG still the archive keeps for the file (the card decodes it); empty when it keeps none. */
    public Optional<byte[]> thumbnailJpeg() {
        return file.thumbnail().map(t -> t.jpeg());
    }

    /** The file's name, or its SHA-256 when the indexing workstation did not record one. */
    public String title() {
        return file.file().fileName().isEmpty() ? "SHA-256 " + file.sha256() : file.file().fileName();
    }

    /** Whether the viewer can open the file here (indexed here, or found in a shared archive folder). */
    public boolean openableHere() {
        return file.openableHere();
    }

    /** Where this workstation has the file, or who holds it, in plain words. */
    public String whereToOpen() {
        return file.whereToOpen();
    }

    /** "Workstation ws-b · camera cam-2 · best at 00:01:07.5 · score 0.291". */
    public String facts() {
        return String.format(Locale.ROOT, "Workstation %s · camera %s · best at %s · score %.3f", file.workstation(),
                file.camera().isEmpty() ? "unknown" : file.camera(), Timecodes.offset(file.bestOffsetSeconds()), file.score());
    }
}
