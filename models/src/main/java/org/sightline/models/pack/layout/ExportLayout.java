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
     * @param variant which ONNX variant to take when there are several (e.g. "quantized", "fp16", "" for plain), or null
     * @throws org.sightline.models.pack.PackVerificationException naming the file when the export is incomplete or inconsistent
     */
    LayoutPlan plan(ExportFolder export, String variant);
}
