package org.sightline.indexer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sightline.indexer.cases.Case;
import org.sightline.indexer.cases.CaseException;
import org.sightline.indexer.cases.CaseItem;
import org.sightline.indexer.cases.FoundBy;
import org.sightline.indexer.cases.ItemDraft;
import org.sightline.indexer.catalog.VideoRecord;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import org.sightline.indexer.footage.PathText;

/** {@code sightline case add CASE --video PATH|--sha256 H --in S --out S ...}. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Add a span of a video to a case. Without --in/--out the span is --hit with a few seconds either side.")
public class CaseAddCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;
    @ParentCommand
    CaseCommand parent;

    @Parameters(paramLabel = "CASE", description = "Reference, id or name.")
    String caseKey;

    static class Source {
        @Option(names = "--video", paramLabel = "PATH", description = "The source video.")
        Path video;
        @Option(names = "--sha256", paramLabel = "HASH", description = "The source's SHA-256 (found among known paths).")
        String sha256;
    }

    @ArgGroup(exclusive = false, multiplicity = "1")
    Source source;

    @Option(names = "--in", paramLabel = "S", description = "Start of the span, seconds.")
    Double in;
    @Option(names = "--out", paramLabel = "S", description = "End of the span, seconds.")
    Double out;
    @Option(names = "--hit", paramLabel = "S", description = "The hit frame, seconds (default: middle of the span).")
    Double hit;
    @Option(names = "--note", description = "A note.")
    String note;
    @Option(names = "--tag", description = "A tag (repeatable).")
    List<String> tags;
    @Option(names = "--camera", description = "Camera name.")
    String camera;
    @Option(names = "--prompt", description = "The prompt that found it.")
    String prompt;
    @Option(names = "--score", description = "The search score.")
    Float score;
    @Option(names = "--model-id", description = "The model id searched.")
    String modelId;
    @Option(names = "--json", description = "Print the item as JSON.")
    boolean json;

    @Override
    public Integer call() {
        return parent.run("add", dataOption, w -> {
            Case c = w.cases().resolve(caseKey);
            Path video = source.video == null || Files.exists(source.video) ? source.video
                    : PathText.fromShown(source.video.toString()); // a name that is not UTF-8, typed as shown: caf\xE9
            String sha = source.sha256 == null ? null : source.sha256.toLowerCase(java.util.Locale.ROOT);
            String cam = camera;
            if (video == null) {
                List<Path> known = new java.util.ArrayList<>(w.knownPaths(sha));
                known.addAll(w.cases().recordedPathsFor(sha));
                video = known.stream().filter(Files::isRegularFile).findFirst()
                        .orElseThrow(() -> new CaseException("no known file has SHA-256 " + source.sha256
                                + "; give its path with --video"));
            }
            // an indexed video: take the hash recorded at indexing and its camera from the catalog
            Optional<VideoRecord> indexed = w.indexedVideo(video);
            if (indexed.isPresent() && indexed.get().sha256() != null) {
                if (sha != null && !sha.equals(indexed.get().sha256())) {
                    throw new CaseException(video + " was indexed with SHA-256 " + indexed.get().sha256()
                            + ", not " + sha);
                }
                sha = indexed.get().sha256();
                cam = cam != null ? cam : indexed.get().camera();
            }
            ItemDraft draft;
            if (in != null || out != null) {
                if (in == null || out == null) {
                    throw new CaseException("give both --in and --out, or only --hit");
                }
                draft = ItemDraft.span(video, in, out);
            } else if (hit != null) {
                draft = ItemDraft.hit(video, hit, hit);
            } else {
                throw new CaseException("give --in and --out, or --hit");
            }
            if (hit != null) {
                draft = draft.withHit(hit);
            }
            draft = draft.withSha256(sha).withNote(note).withTags(tags).withCamera(cam);
            if (prompt != null) {
                draft = draft.withFoundBy(FoundBy.prompt(prompt, score, modelId, null));
            }
            CaseItem item = w.cases().addItem(c.id(), draft);
            System.out.println(json ? CaseJson.toJson(CaseJson.json(item)) : String.format(
                    "added item %d to %s: %s %.3f-%.3f s", item.position(), c.reference(), PathText.shown(item.video().getFileName()),
                    item.inSeconds(), item.outSeconds()));
            return 0;
        });
    }
}
