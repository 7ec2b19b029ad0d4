package org.sightline.indexer.export;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.sightline.indexer.cases.CaseItem;

/** Where the redaction plan of each exported item comes from: planned now by the detectors, or reviewed by the user. */
public interface ItemRedactions {

    /**
     * The plan for one item.
     *
     * @param source the verified copy of the item's source video (read only)
     * @throws ExportException REDACTION_UNAVAILABLE when no plan can be made or found for it
     */
    RedactionPlan planFor(String caseReference, CaseItem item, Path source, BooleanSupplier cancelled)
            throws ExportException;

    /** Whether the plans were reviewed (and perhaps corrected) by a person before export. */
    boolean reviewed();
}
