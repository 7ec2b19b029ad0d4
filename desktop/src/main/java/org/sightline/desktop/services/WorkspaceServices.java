package org.sightline.desktop.services;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.sightline.desktop.cases.CaseFiles;
import org.sightline.desktop.library.FootageLibrary;
import org.sightline.desktop.models.ModelPacks;
import org.sightline.desktop.search.ArchiveSearch;
import org.sightline.desktop.search.ClipSearch;
import org.sightline.indexer.search.ArchiveSearchResult;
import org.sightline.desktop.viewer.CameraClock;
import org.sightline.desktop.viewer.ClipToView;
import org.sightline.indexer.app.Cameras;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.app.WorkspaceStatus;
import org.sightline.indexer.cases.RowDisagreement;
import org.sightline.indexer.catalog.VideoRecord;
import org.sightline.indexer.perception.PerceptionSummary;
import org.sightline.indexer.ingest.IngestListener;
import org.sightline.indexer.ingest.IngestReport;
import org.sightline.indexer.ingest.IngestRequest;
import org.sightline.indexer.footage.FrameAt;
import org.sightline.indexer.search.ExplainedQuery;
import org.sightline.indexer.search.ExplainedResult;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.search.SearchResult;
import org.sightline.models.runtime.RgbFrame;

/** {@link DesktopServices} over the indexer's application layer, {@link Workspace}: its models, footage, ingest, search and cases. */
public final class WorkspaceServices implements DesktopServices {
    private final Workspace workspace;
    private final ModelPacks models;
    private final FootageLibrary library;
    private final CaseFiles cases;
    private volatile long lastChanges = Long.MIN_VALUE;
    /** Abandoned exports this window cleaned up, in plain words (each shown until the window closes). */
    private final List<String> abandoned = new java.util.concurrent.CopyOnWriteArrayList<>();

    private WorkspaceServices(Workspace workspace) {
        this.workspace = workspace;
        this.models = new StoreModelPacks(workspace.models());
        this.library = new WorkspaceLibrary(workspace);
        this.cases = new ServiceCaseFiles(workspace.evidence(), workspace.dataDirectory().root().resolve("case-stills"));
    }

    /**
     * Opens the data directory (creating it when missing). The search index is held for writing only while the window
     * indexes, so that the command line can index while the window is open and idle.
     */
    public static WorkspaceServices open(DataDirectory dir) throws IOException {
        Workspace workspace = Workspace.open(dir);
        try {
            workspace.holdIndexOnlyWhileIndexing();
        } catch (IOException | RuntimeException e) {
            workspace.close();
            throw e;
        }
        workspace.warmUpFootage(); // the first indexed file then does not wait for FFmpeg to load
        return new WorkspaceServices(workspace);
    }

    @Override
    public List<Notice> notices() {
        List<Notice> out = new ArrayList<>();
        List<WorkspaceStatus.FailedFile> missing = workspace.status().awaitingReembedding();
        if (!missing.isEmpty()) {
            out.add(new Notice(NoticeKind.VECTORS_MISSING, missing.size() + (missing.size() == 1 ? " video has" : " videos have")
                    + " no vectors in the search index (it was damaged, deleted or set aside): searches cannot find "
                    + (missing.size() == 1 ? "it" : "them") + " until " + (missing.size() == 1 ? "it is" : "they are")
                    + " embedded again.", missing.stream().map(WorkspaceStatus.FailedFile::path).toList(), null));
        }
        workspace.evidence().cases().casesDisagreeingWithAudit().forEach((c, rows) -> out.add(new Notice(NoticeKind.CASE_DISAGREES,
                "Case " + c.reference() + " (" + c.name() + ") disagrees with the audit trail (edited outside Sightline?): "
                        + String.join("; ", rows.stream().map(RowDisagreement::describe).toList()) + ". It cannot be exported.",
                List.of(), c.id())));
        workspace.evidence().cleanAbandonedExports().forEach(a -> abandoned.add(a.describe()));
        abandoned.forEach(text -> out.add(new Notice(NoticeKind.EXPORT_ABANDONED, text, List.of(), null)));
        return out;
    }

    /**
     * Moves a damaged search index aside (kept beside the new one for examination); the next open queues every
     * catalogued video to be embedded again.
     *
     * @return what was done, in plain words
     */
    public static String setDamagedIndexAside(DataDirectory dir) throws IOException {
        return Workspace.setIndexAside(dir).map(old -> "The damaged search index was moved to " + old
                + " (kept for examination); a new one is built from the catalog and the footage.")
                .orElse("There was no search index to set aside; a new one is built from the catalog and the footage.");
    }

    @Override
    public long changesByOthers() throws IOException {
        long now = workspace.catalogChanges();
        if (now != lastChanges) {
            lastChanges = now;
            workspace.refreshIndex(); // another process's index run commits to the index before its catalog rows
        }
        return now;
    }

    @Override
    public CaseFiles cases() {
        return cases;
    }

    @Override
    public ModelPacks models() {
        return models;
    }

    @Override
    public ArchiveSearch archive() {
        return new ArchiveSearch() {
            @Override
            public boolean available() {
                return workspace.status().indexStore().shared();
            }

            @Override
            public ArchiveSearchResult search(SearchQuery query) throws Exception {
                return workspace.searchArchive(query);
            }
        };
    }

    @Override
    public ClipSearch search() {
        return new ClipSearch() {
            @Override
            public SearchResult search(SearchQuery query) throws Exception {
                return workspace.search().search(query);
            }

            @Override
            public Map<Long, CameraClock> cameraClocks(Collection<Long> videoIds) {
                Set<Long> wanted = Set.copyOf(videoIds);
                Map<String, Cameras.Camera> cameras = new HashMap<>();
                workspace.cameras().list().forEach(c -> cameras.put(c.key(), c));
                Map<Long, CameraClock> out = new HashMap<>();
                var workstation = workspace.cameras().workstationZone();
                for (VideoRecord v : workspace.library().videos()) {
                    if (wanted.contains(v.id())) {
                        Cameras.Camera c = v.camera() == null ? null : cameras.get(v.camera());
                        out.put(v.id(), new CameraClock(c == null ? v.camera() : c.name(),
                                c == null ? workstation.zone() : c.zone(), c == null ? workstation.source() : c.zoneSource(),
                                v.recordingStartSource()));
                    }
                }
                return out;
            }

            @Override
            public ExplainedResult explainedSearch(ExplainedQuery query) throws Exception {
                return workspace.explainedSearch(query);
            }

            @Override
            public Map<Long, Double> durations(Collection<Long> videoIds) {
                Set<Long> wanted = Set.copyOf(videoIds);
                Map<Long, Double> out = new HashMap<>();
                for (VideoRecord v : workspace.library().videos()) {
                    if (wanted.contains(v.id()) && v.durationSeconds() > 0) {
                        out.put(v.id(), v.durationSeconds());
                    }
                }
                return out;
            }

            @Override
            public int indexedVideos() {
                return workspace.library().videos().size();
            }

            @Override
            public RgbFrame stillAt(Path video, double seconds, int shortSide) throws Exception {
                return FrameAt.frameAt(video, Math.max(0, seconds), shortSide);
            }

            @Override
            public Map<Long, String> clockSources(Collection<Long> videoIds) {
                Set<Long> wanted = Set.copyOf(videoIds);
                Map<Long, String> out = new HashMap<>();
                for (VideoRecord v : workspace.library().videos()) {
                    if (wanted.contains(v.id()) && v.recordingStart().isPresent() && v.recordingStartSource() != null) {
                        out.put(v.id(), v.recordingStartSource());
                    }
                }
                return out;
            }
        };
    }

    @Override
    public FootageLibrary library() {
        return library;
    }

    @Override
    public IndexFacts facts() {
        WorkspaceStatus s = workspace.status();
        return new IndexFacts(s.videos(), s.segments(), s.footageHours(), s.indexSizeBytes(), s.activeModelId(),
                s.indexStore().shared() ? Optional.of(s.indexStore().description()) : Optional.empty());
    }

    @Override
    public void recordView(ClipToView clip) {
        workspace.evidence().audit().recordView(clip.video(), clip.sha256(), clip.hitStartSeconds(), clip.hitEndSeconds());
    }

    @Override
    public void close() {
        workspace.close();
    }

    /** The catalog's videos and the workspace's index job. */
    private record WorkspaceLibrary(Workspace workspace) implements FootageLibrary {
        @Override
        public List<VideoRow> videos() {
            Map<String, String> names = new HashMap<>();
            workspace.cameras().list().forEach(c -> names.put(c.key(), c.name()));
            Map<Long, PerceptionSummary> found = workspace.library().perceptionSummaries();
            return workspace.library().videos().stream().map(v -> row(v, names, found.getOrDefault(v.id(), PerceptionSummary.NONE))).toList();
        }

        private static VideoRow row(VideoRecord v, Map<String, String> cameraNames, PerceptionSummary found) {
            String reason = v.errorMessage();
            if (reason == null && v.damageDetail() != null) {
                reason = v.damageDetail();
            }
            return new VideoRow(v.path(), v.camera() == null ? null : cameraNames.getOrDefault(v.camera(), v.camera()),
                    v.durationSeconds(), v.status(), reason, found.line(), found.ran() ? found.details() : "");
        }

        @Override
        public List<CameraRow> cameras() {
            return workspace.cameras().list().stream().map(WorkspaceLibrary::row).toList();
        }

        @Override
        public CameraRow saveCamera(String key, String name, String zone) {
            return row(workspace.cameras().set(key, name, zone == null || zone.isBlank() ? null : Cameras.zone(zone)));
        }

        private static CameraRow row(Cameras.Camera c) {
            return new CameraRow(c.key(), c.name(), c.zoneName(), c.zoneAssumed(), c.videos(), c.zoneSource().words());
        }

        @Override
        public FootageLibrary.WorkstationZoneRow workstationZone() {
            var z = workspace.cameras().workstationZone();
            return new FootageLibrary.WorkstationZoneRow(z.zoneName(), z.source().words());
        }

        @Override
        public FootageLibrary.WorkstationZoneRow saveWorkstationZone(String zone) {
            var z = workspace.cameras().setWorkstationZone(Cameras.zone(zone));
            return new FootageLibrary.WorkstationZoneRow(z.zoneName(), z.source().words());
        }

        @Override
        public IndexRun index(List<Path> paths, boolean reindex, IngestListener listener, BooleanSupplier cancelled)
                throws IOException {
            IngestReport r = workspace.ingest(IngestRequest.of(paths).withReembed(reindex), listener, cancelled);
            return new IndexRun(r.outcomes(), r.cancelled(), r.footageSeconds(), r.elapsedSeconds());
        }
    }
}
