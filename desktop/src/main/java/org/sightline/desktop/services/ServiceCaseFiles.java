package org.sightline.desktop.services;

import java.util.List;
import org.sightline.desktop.cases.CaseFiles;
import org.sightline.indexer.cases.Case;
import org.sightline.indexer.cases.CaseItem;
import org.sightline.indexer.cases.CaseService;
import org.sightline.indexer.cases.FoundBy;
import org.sightline.indexer.cases.ItemDraft;

/** {@link CaseFiles} over the indexer's {@link CaseService} (every change goes to its audit trail). */
public final class ServiceCaseFiles implements CaseFiles {
    private final CaseService cases;

    public ServiceCaseFiles(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public List<CaseRow> cases() {
        return cases.list().stream().map(ServiceCaseFiles::row).toList();
    }

    private static CaseRow row(Case c) {
        return new CaseRow(c.id(), c.name(), c.reference(), c.status().name().toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public CaseRow create(String name, String reference) {
        return row(cases.create(name, reference, null, null));
    }

    @Override
    public List<ItemRow> items(long caseId) {
        return cases.items(caseId).stream().map(ServiceCaseFiles::row).toList();
    }

    private static ItemRow row(CaseItem i) {
        FoundBy f = i.foundBy();
        String found = f == null || FoundBy.MANUAL.equals(f.kind()) || f.query() == null ? "picked by hand"
                : f.kind() + " “" + f.query() + "”" + (f.score() == null ? "" : String.format(java.util.Locale.ROOT, " (%.3f)", f.score()));
        return new ItemRow(i.id(), i.position(), i.video(), i.camera(), i.inSeconds(), i.outSeconds(), i.hitSeconds(),
                found, i.note());
    }

    @Override
    public void add(long caseId, Moment m) {
        FoundBy found = m.query() == null ? FoundBy.manual()
                : m.byExample() ? FoundBy.example(m.query(), m.score(), m.modelId(), null)
                : FoundBy.prompt(m.query(), m.score(), m.modelId(), null);
        ItemDraft draft = new ItemDraft(m.video(), m.sha256(), m.camera(), m.hitStartSeconds(), m.hitEndSeconds(),
                m.hitSeconds(), null, null, "", List.of(), found, m.thumbnail());
        cases.addItem(caseId, draft);
    }
}
