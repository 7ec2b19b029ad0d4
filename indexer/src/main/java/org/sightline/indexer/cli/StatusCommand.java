package org.sightline.indexer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.cases.Case;
import org.sightline.indexer.cases.RowDisagreement;
import org.sightline.indexer.app.WorkspaceStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import org.sightline.indexer.footage.PathText;
import org.sightline.models.perception.install.PerceptionPacks;

/** {@code sightline status}: what the data directory holds. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show what is indexed.")
public class StatusCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Workspace w = Workspace.open(dataOption.directory())) {
            WorkspaceStatus s = w.status();
            Map<Case, List<RowDisagreement>> tampered = w.evidence().cases().casesDisagreeingWithAudit();
            w.evidence().cleanAbandonedExports().forEach(a -> System.err.println("sightline: " + a.describe()));
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("data_directory", s.dataDirectory().toString());
                m.put("videos", s.videos());
                m.put("videos_by_status", s.videosByStatus());
                m.put("segments", s.segments());
                m.put("footage_hours", s.footageHours());
                m.put("index_size_bytes", s.indexSizeBytes());
                m.put("index_store", s.indexStore().description());
                m.put("index_store_shared", s.indexStore().shared());
                m.put("active_model", s.activeModelId().orElse(null));
                m.put("indexing_detector", w.models().perceptionPackFor(PerceptionPacks.Use.OBJECTS).orElse(null));
                List<Map<String, Object>> failed = new ArrayList<>();
                for (WorkspaceStatus.FailedFile f : s.failed()) {
                    failed.add(Map.of("path", PathText.shown(f.path()), "error", String.valueOf(f.errorKind()), "message", f.message()));
                }
                m.put("errors", failed);
                m.put("last_run", s.lastRun().map(r -> Map.of("status", r.status(), "started", r.started().toString(),
                        "files_total", r.filesTotal())).orElse(null));
                m.put("awaiting_reembedding", s.awaitingReembedding().stream()
                        .map(f -> Map.of("path", PathText.shown(f.path()), "message", f.message())).toList());
                m.put("cases_disagreeing_with_audit", tampered.entrySet().stream().map(e -> Map.of("reference",
                        e.getKey().reference(), "fields", e.getValue().stream().map(RowDisagreement::describe).toList())).toList());
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
                return 0;
            }
            System.out.println("Data directory  " + s.dataDirectory());
            System.out.println("Active model    " + s.activeModelId().orElse("none (run `sightline models demo` or `sightline models import DIR`)"));
            var detector = w.models().perceptionPackFor(PerceptionPacks.Use.OBJECTS);
            System.out.println("Detector        " + detector.map(d -> d + (w.models().perceptionPackChosen(PerceptionPacks.Use.OBJECTS)
                    ? " (chosen with `sightline models use`)" : " (built-in default)")).orElse("none (no object detector pack)"));
            System.out.printf(Locale.ROOT, "Videos          %d %s%n", s.videos(), s.videosByStatus());
            System.out.printf(Locale.ROOT, "Segments        %d%n", s.segments());
            System.out.printf(Locale.ROOT, "Footage         %.2f h%n", s.footageHours());
            System.out.println("Index store     " + s.indexStore().description());
            System.out.printf(Locale.ROOT, "Index size      %.1f MB%n", s.indexSizeBytes() / 1e6);
            System.out.println("Errors          " + s.failed().size());
            for (WorkspaceStatus.FailedFile f : s.failed()) {
                System.out.println("  " + f.errorKind() + "  " + f.message());
            }
            s.lastRun().filter(WorkspaceStatus.LastRun::stoppedByFullDisk).ifPresent(r -> System.out.println(
                    "Last run        STOPPED " + r.finished() + ": the data folder's disk was full; free some space and run "
                            + "`sightline index` again on the same folders to index the rest"));
            if (!s.awaitingReembedding().isEmpty()) {
                System.out.println("Not finished    " + s.awaitingReembedding().size() + " videos are indexed again by the next "
                        + "`sightline index` run, whatever folders it is given:");
                for (WorkspaceStatus.FailedFile f : s.awaitingReembedding()) {
                    System.out.println("  " + PathText.shown(f.path()) + "  " + f.message());
                }
            }
            if (!tampered.isEmpty()) {
                System.out.println("Case records    " + tampered.size() + " case(s) disagree with the audit trail "
                        + "(edited outside Sightline?) and cannot be exported:");
                tampered.forEach((c, d) -> d.forEach(x -> System.out.println("  " + c.reference() + ": " + x.describe())));
            }
            return 0;
        }
    }
}
