package org.sightline.desktop.services;

import java.io.IOException;
import java.nio.file.Path;
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
import org.sightline.desktop.search.ClipSearch;
import org.sightline.desktop.viewer.ClipToView;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.app.WorkspaceStatus;
import org.sightline.indexer.catalog.VideoRecord;
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

    private WorkspaceServices(Workspace workspace) {
        this.workspace = workspace;
        this.models = new StoreModelPacks(workspace.models());
        this.library = new WorkspaceLibrary(workspace);
        this.cases = new ServiceCaseFiles(workspace.evidence());
    }

    /** Opens the data directory (creating it when missing). */
    public static WorkspaceServices open(DataDirectory dir) throws IOException {
        Workspace workspace = Workspace.open(dir);
        workspace.warmUpFootage(); // the first indexed file then does not wait for FFmpeg to load
        return new WorkspaceServices(workspace);
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
    public ClipSearch search() {
        return new ClipSearch() {
            @Override
            public SearchResult search(SearchQuery query) throws Exception {
                return workspace.search().search(query);
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
            return workspace.library().videos().stream().map(WorkspaceLibrary::row).toList();
        }

        private static VideoRow row(VideoRecord v) {
            String reason = v.errorMessage();
            if (reason == null && v.damageDetail() != null) {
                reason = v.damageDetail();
            }
            return new VideoRow(v.path(), v.camera(), v.durationSeconds(), v.status(), reason);
        }

        @Override
        public IndexRun index(List<Path> paths, boolean reindex, IngestListener listener, BooleanSupplier cancelled)
                throws IOException {
            IngestReport r = workspace.ingest(IngestRequest.of(paths).withReembed(reindex), listener, cancelled);
            return new IndexRun(r.outcomes(), r.cancelled(), r.footageSeconds(), r.elapsedSeconds());
        }
    }
}
