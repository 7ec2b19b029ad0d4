package org.sightline.indexer.search;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sightline.indexer.footage.WallClock;
import org.sightline.indexer.index.FrameThumbnail;
import org.sightline.indexer.index.VideoVectors;

/**
 * One page of a search of a whole team archive, every workstation's footage, as clips: the frame hits of each file
 * grouped by the local search's clip rule, each clip in a {@link Tier} with why it matched, best first within each
 * tier. Every clip found is in some tier and can be paged to.
 *
 * @param clips      this page's clips: strong first, then possible, then more
 * @param tierCounts clips in each tier over the whole result (every tier present, zero when empty)
 * @param offset     index of this page's first clip in the whole result
 * @param ignored    prompt words nothing used
 * @param unanswered parts of the prompt the shared store cannot answer, with the reason
 * @param framesHit  frame hits the tiers were drawn from
 * @param tierRule   how the tiers were drawn, in plain words
 */
public record ArchiveSearchResult(SearchQuery query, List<ArchiveClip> clips, Map<Tier, Integer> tierCounts, int offset,
        List<String> ignored, List<UnansweredPart> unanswered, String modelId, int framesHit, String tierRule, long millis) {

    public ArchiveSearchResult {
        clips = List.copyOf(clips);
        tierCounts = Map.copyOf(tierCounts);
        ignored = List.copyOf(ignored);
        unanswered = List.copyOf(unanswered);
    }

    /** Clips in all tiers. */
    public int totalClips() {
        return tierCounts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** How this workstation can open a file of the archive. */
    public enum LocalCopy {
        /** This workstation indexed the same content (same SHA-256) and the file is at its recorded path. */
        INDEXED_HERE,
        /**
         * Found in one of this workstation's shared archive folders ({@code archive.shared-roots}) at the path the
         * indexing workstation recorded below its archive folder, with the recorded size (its SHA-256 is checked
         * before it becomes evidence).
         */
        SHARED_FOLDER,
        /** Held only by the workstation that indexed it: this one cannot open it. */
        NOT_HERE
    }

    /**
     * One file of the archive, and where this workstation can open it.
     *
     * @param file        the file as the indexing workstation knows it (name, path below its archive folder, size)
     * @param localFile   where this workstation can open the same file, when it can (see {@code copy})
     * @param copy        how {@code localFile} was found, or {@link LocalCopy#NOT_HERE}
     * @param workstation the workstation whose documents were found (the last one to index that content)
     */
    public record ArchiveFile(String sha256, String camera, String workstation, VideoVectors.SourceFile file,
            Optional<Path> localFile, LocalCopy copy) {
        public ArchiveFile {
            if (localFile.isPresent() == (copy == LocalCopy.NOT_HERE)) {
                throw new IllegalArgumentException("a local file goes with INDEXED_HERE or SHARED_FOLDER, none with NOT_HERE");
            }
        }

        /** Whether this workstation can open the file (it indexed it, or finds it in a shared archive folder). */
        public boolean openableHere() {
            return copy != LocalCopy.NOT_HERE;
        }

        /** The file's name, or its SHA-256 when the indexing workstation recorded none. */
        public String name() {
            return file.fileName().isEmpty() ? "SHA-256 " + sha256 : file.fileName();
        }

        /** In plain words: where this workstation has the file, or who holds it. */
        public String whereToOpen() {
            return switch (copy) {
                case INDEXED_HERE -> localFile.orElseThrow().toString();
                case SHARED_FOLDER -> localFile.orElseThrow() + " (in a shared archive folder)";
                case NOT_HERE -> name() + ": held by workstation " + workstation + ", not reachable from this one"
                        + (file.archivePath() == null ? "" : " (its path there below the archive folder: " + file.archivePath()
                        + "; add the folder that holds it with `sightline config set archive.shared-roots DIR`)")
                        + " (SHA-256 " + sha256 + ")";
            };
        }
    }

    /**
     * A run of one archive file's hit segments, grouped as local search groups them.
     *
     * @param startSeconds      offset of the clip's first segment in the file
     * @param endSeconds        offset of the end of its last segment
     * @param bestOffsetSeconds offset of the best-matching frame
     * @param score             cosine similarity of the best frame
     * @param frames            frame hits inside the clip
     * @param wallClockStart    when {@code startSeconds} was recorded, as the indexing workstation knew it (UTC instant)
     * @param thumbnail         a still kept in the shared store: the one nearest to the best frame; empty when the store
     *                          keeps none for the file
     * @param why               the parts of the query the clip satisfied, with their evidence, and what the shared store
     *                          cannot tell
     * @param objects           object labels the indexing workstation's detector saw during the clip (count 1: the store
     *                          keeps labels, not boxes; score NaN: not kept)
     * @param clock             {@code wallClockStart} on the camera's clock: in the zone this workstation sets for the
     *                          camera, else the zone the indexing workstation recorded with the frames, else the
     *                          workstation zone (its {@code zoneSource} says which); empty when the start is not known
     */
    public record ArchiveClip(ArchiveFile file, double startSeconds, double endSeconds, double bestOffsetSeconds, float score,
            int frames, Optional<Instant> wallClockStart, Optional<FrameThumbnail> thumbnail, Tier tier, List<Reason> why,
            List<ObjectSighting> objects, Optional<WallClock> clock) {
        public ArchiveClip {
            wallClockStart = wallClockStart == null ? Optional.empty() : wallClockStart;
            clock = clock == null ? Optional.empty() : clock;
            if (clock.isPresent() && !clock.get().at().equals(wallClockStart.orElse(null))) {
                throw new IllegalArgumentException("the camera clock must show the clip's recorded start");
            }
            thumbnail = thumbnail == null ? Optional.empty() : thumbnail;
            why = List.copyOf(why);
            objects = List.copyOf(objects);
        }

        /** A clip whose start is shown in UTC only (no camera clock known). */
        public ArchiveClip(ArchiveFile file, double startSeconds, double endSeconds, double bestOffsetSeconds, float score,
                int frames, Optional<Instant> wallClockStart, Optional<FrameThumbnail> thumbnail, Tier tier, List<Reason> why,
                List<ObjectSighting> objects) {
            this(file, startSeconds, endSeconds, bestOffsetSeconds, score, frames, wallClockStart, thumbnail, tier, why, objects,
                    Optional.empty());
        }

        public double durationSeconds() {
            return endSeconds - startSeconds;
        }

        /** This clip with its still. */
        ArchiveClip withThumbnail(Optional<FrameThumbnail> still) {
            return new ArchiveClip(file, startSeconds, endSeconds, bestOffsetSeconds, score, frames, wallClockStart, still, tier,
                    why, objects, clock);
        }
    }
}
