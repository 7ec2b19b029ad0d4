package org.sightline.indexer.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.indexer.app.ActiveModelSource;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.app.Workspace;
import org.sightline.indexer.footage.FootageException;
import org.sightline.indexer.footage.FrameSink;
import org.sightline.indexer.footage.SampledFrame;
import org.sightline.indexer.footage.SamplingOptions;
import org.sightline.indexer.footage.SamplingReport;
import org.sightline.indexer.footage.VideoInfo;
import org.sightline.indexer.search.SearchQuery;
import org.sightline.indexer.testing.ColourTestModel;
import org.sightline.indexer.testing.ScriptedFootage;
import org.sightline.models.runtime.RgbFrame;

/**
 * A file replaced (a new file moved over its name) after it was hashed and before its frames were read (issue 11,
 * item 5): the catalog must not keep the old file's hash with the new file's frames. The read is refused as "changed
 * while read", and the next run indexes the new content under its own hash.
 */
class FileReplacedWhileReadTest {
    @TempDir
    Path tmp;

    /** Scripted footage that replaces the file with other content just before its frames are read. */
    private static final class ReplacingReader implements FootageReader {
        private final ScriptedFootage inner = new ScriptedFootage();
        private final Path replacement;

        ReplacingReader(Path replacement) {
            this.replacement = replacement;
        }

        @Override
        public Scan scan(List<Path> roots, boolean recursive) {
            return inner.scan(roots, recursive);
        }

        @Override
        public VideoInfo probe(Path video) throws FootageException {
            return inner.probe(video);
        }

        @Override
        public SamplingReport sample(Path video, SamplingOptions options, FrameSink sink, BooleanSupplier cancelled)
                throws FootageException, InterruptedException {
            try {
                Files.move(Files.copy(replacement, video.resolveSibling("incoming.tmp")), video, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            return inner.sample(video, options, sink, cancelled);
        }

        @Override
        public Predicate<SampledFrame> newDuplicateFilter() {
            return inner.newDuplicateFilter();
        }

        @Override
        public byte[] jpeg(RgbFrame frame) {
            return inner.jpeg(frame);
        }
    }

    @Test
    void aFileReplacedBetweenHashingAndDecodingIsNotCataloguedWithTheOldHash() throws Exception {
        Path video = ScriptedFootage.write(tmp.resolve("cam/clip.vid"), "black", "black", "black");
        Path replacement = ScriptedFootage.write(tmp.resolve("other/new.vid"), "red", "red", "black", "red");
        DataDirectory dir = new DataDirectory(tmp.resolve("data"));
        ColourTestModel model = new ColourTestModel();
        try (Workspace w = Workspace.open(dir, ActiveModelSource.of(model), new ReplacingReader(replacement))) {
            IngestReport r = w.ingest(IngestRequest.of(List.of(video)), null, null);
            FileOutcome o = r.outcomes().getFirst();
            assertEquals(FileOutcome.Status.FAILED, o.status(), o.toString());
            assertTrue(o.message().contains("changed while Sightline read it") && o.message().contains("replaced"), o.message());
            assertEquals(0, w.search().search(SearchQuery.prompt("red")).clips().size(), "nothing of the changed read was kept");
        }
        try (Workspace w = Workspace.open(dir, ActiveModelSource.of(model), new ScriptedFootage())) {
            IngestReport r = w.ingest(IngestRequest.of(List.of(video)), null, null);
            assertEquals(FileOutcome.Status.INDEXED, r.outcomes().getFirst().status(), r.toString());
            assertTrue(w.search().search(SearchQuery.prompt("red")).clips().size() > 0, "the new content is indexed under its own hash");
        }
    }
}
