package org.sightline.indexer.cli;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sightline.indexer.cases.Case;
import org.sightline.indexer.cases.CaseItem;
import org.sightline.indexer.cases.RowDisagreement;
import org.sightline.indexer.cases.FoundBy;
import org.sightline.indexer.footage.WallClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import org.sightline.indexer.footage.PathText;

/** {@code sightline case show CASE}. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a case and its items.")
public class CaseShowCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;
    @ParentCommand
    CaseCommand parent;

    @Parameters(paramLabel = "CASE", description = "Reference, id or name (ref:R or id:N when a reference is another case's id).")
    String caseKey;
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        return parent.run("show", dataOption, w -> {
            Case c = w.cases().resolve(caseKey);
            List<CaseItem> items = w.cases().items(c.id());
            List<RowDisagreement> disagreements = w.cases().checkRecords(c.id());
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>(CaseJson.json(c));
                m.put("items", items.stream().map(i -> {
                    Map<String, Object> item = new LinkedHashMap<>(CaseJson.json(i));
                    Optional<WallClock> hit = w.cameras().wallClock(i.videoSha256(), i.hitSeconds());
                    item.put("hitWallClock", hit.map(WallClock::local).orElse(null));
                    item.put("hitUtc", hit.map(k -> k.at().toString()).orElse(null));
                    item.put("zone", hit.map(k -> k.zone().equals(ZoneOffset.UTC) ? "UTC" : k.zone().getId()).orElse(null));
                    item.put("zoneAssumed", hit.map(WallClock::zoneAssumed).orElse(null));
                    item.put("zoneSource", hit.map(k -> k.zoneSource().words()).orElse(null));
                    item.put("timeSource", hit.map(WallClock::sourceWords).orElse("unknown"));
                    return item;
                }).toList());
                m.put("disagreesWithAudit", disagreements.stream().map(RowDisagreement::describe).toList());
                System.out.println(CaseJson.toJson(m));
                return 0;
            }
            System.out.println(c.reference() + ": " + c.name() + " [" + c.status().name().toLowerCase() + "]");
            System.out.println("  examiner: " + c.examiner());
            if (!c.description().isBlank()) {
                System.out.println("  " + c.description());
            }
            System.out.println("  created " + c.created() + ", updated " + c.updated());
            for (CaseItem i : items) {
                FoundBy f = i.foundBy();
                System.out.printf("%3d. %s  %.3f-%.3f s (hit %.3f s)  sha256 %s%n", i.position(), PathText.shown(i.video()),
                        i.inSeconds(), i.outSeconds(), i.hitSeconds(), i.videoSha256().substring(0, 12));
                System.out.println("     hit on the wall clock: " + w.cameras().wallClock(i.videoSha256(), i.hitSeconds())
                        .map(WallClock::describe).orElse("not known (the file records no start time and its name holds none)"));
                if (f.query() != null) {
                    System.out.println("     found by " + f.kind() + " \"" + f.query() + "\""
                            + (f.score() == null ? "" : String.format(" score %.4f", f.score()))
                            + (f.modelId() == null ? "" : " model " + f.modelId()));
                }
                if (!i.note().isBlank()) {
                    System.out.println("     note: " + i.note());
                }
                if (!i.tags().isEmpty()) {
                    System.out.println("     tags: " + String.join(", ", i.tags()));
                }
            }
            if (items.isEmpty()) {
                System.out.println("  no items");
            }
            if (!disagreements.isEmpty()) {
                System.out.println("WARNING: the case's rows disagree with the audit trail (edited outside Sightline?); "
                        + "it cannot be exported until they agree:");
                disagreements.forEach(d -> System.out.println("  " + d.describe()));
                return 1;
            }
            return 0;
        });
    }
}
