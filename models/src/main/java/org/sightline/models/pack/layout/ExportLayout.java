package org.sightline.models.pack.layout;

/** One way model exports are laid out on disk, and how to make a pack of it. */
public interface ExportLayout {

    /** Short name recorded in the manifest's provenance, e.g. "immich". */
    String name();

    /** Whether the export looks like this layout (cheap: file names only). */
    boolean recognises(ExportFolder export);

    /**
     * The pack to make of the export.
     *
     * @param request the variant to take when there are several, and settings the user gives instead of the export's
     * @throws org.sightline.models.pack.PackVerificationException naming the file when the export is incomplete or inconsistent
     */
    LayoutPlan plan(ExportFolder export, PackRequest request);
}
