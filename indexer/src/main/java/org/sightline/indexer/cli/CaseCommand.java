package org.sightline.indexer.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.sightline.indexer.app.CaseEvidence;
import org.sightline.indexer.cases.Case;
import org.sightline.indexer.cases.CaseItem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import org.sightline.indexer.footage.PathText;

/**
 * {@code sightline case}: case dossiers. Bigger verbs are their own classes (create, list, show, add, export);
 * the small edits are methods here. CASE is a reference, an id or a unique name; ITEM is the item's position.
 */
@Command(name = "case", mixinStandardHelpOptions = true,
        description = "Case dossiers: create, list, show, add, note, tag, move, remove, rename, edit, close, reopen, export, redact-review.",
        subcommands = {CaseCreateCommand.class, CaseListCommand.class, CaseShowCommand.class, CaseAddCommand.class,
                CaseExportCommand.class, CaseRedactReviewCommand.class})
public class CaseCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }

    /** Work on the case services of the chosen data directory. */
    @FunctionalInterface
    interface CaseWork {
        int run(CaseEvidence w) throws Exception;
    }

    /**
     * Opens the services (the subcommand's {@code --data}, else this command's), runs the work and closes them;
     * prints a clear error and returns 1 when it fails.
     */
    int run(String verb, DataOption own, CaseWork work) {
        try (CaseEvidence w = CaseEvidence.open(DataOption.choose(own, dataOption))) {
            return work.run(w);
        } catch (Exception e) {
            System.err.println("sightline case " + verb + ": " + e.getMessage());
            return 1;
        }
    }

    @Command(name = "rename", mixinStandardHelpOptions = true, description = "Rename a case.")
    int rename(@Mixin DataOption data, @Parameters(index = "0", paramLabel = "CASE") String caseKey,
               @Parameters(index = "1", paramLabel = "NAME") String name) {
        return run("rename", data, w -> {
            Case c = w.cases().rename(w.cases().resolve(caseKey).id(), name);
            System.out.println("renamed case " + c.reference() + " to \"" + c.name() + "\"");
            return 0;
        });
    }

    @Command(name = "edit", mixinStandardHelpOptions = true, description = "Change a case's reference, examiner or description.")
    int edit(@Mixin DataOption data, @Parameters(paramLabel = "CASE") String caseKey,
             @picocli.CommandLine.Option(names = "--reference", description = "New reference number.") String reference,
             @picocli.CommandLine.Option(names = "--examiner", description = "New examiner.") String examiner,
             @picocli.CommandLine.Option(names = "--description", description = "New description.") String description) {
        return run("edit", data, w -> {
            Case c = w.cases().updateDetails(w.cases().resolve(caseKey).id(), reference, examiner, description);
            System.out.println("case " + c.reference() + ": examiner " + c.examiner()
                    + (c.description().isBlank() ? "" : ", \"" + c.description() + "\""));
            return 0;
        });
    }

    @Command(name = "close", mixinStandardHelpOptions = true, description = "Close a case (no more changes until reopened).")
    int close(@Mixin DataOption data, @Parameters(paramLabel = "CASE") String caseKey) {
        return run("close", data, w -> {
            Case c = w.cases().close(w.cases().resolve(caseKey).id());
            System.out.println("closed case " + c.reference());
            return 0;
        });
    }

    @Command(name = "reopen", mixinStandardHelpOptions = true, description = "Reopen a closed case.")
    int reopen(@Mixin DataOption data, @Parameters(paramLabel = "CASE") String caseKey) {
        return run("reopen", data, w -> {
            Case c = w.cases().reopen(w.cases().resolve(caseKey).id());
            System.out.println("reopened case " + c.reference());
            return 0;
        });
    }

    @Command(name = "note", mixinStandardHelpOptions = true, description = "Set the note of an item.")
    int note(@Mixin DataOption data, @Parameters(index = "0", paramLabel = "CASE") String caseKey,
             @Parameters(index = "1", paramLabel = "ITEM") int position,
             @Parameters(index = "2", paramLabel = "TEXT") String text) {
        return run("note", data, w -> {
            CaseItem item = w.cases().itemAt(w.cases().resolve(caseKey).id(), position);
            w.cases().setNote(item.id(), text);
            System.out.println("item " + position + ": note set");
            return 0;
        });
    }

    @Command(name = "tag", mixinStandardHelpOptions = true, description = "Set the tags of an item (none clears them).")
    int tag(@Mixin DataOption data, @Parameters(index = "0", paramLabel = "CASE") String caseKey,
            @Parameters(index = "1", paramLabel = "ITEM") int position,
            @Parameters(index = "2..*", paramLabel = "TAG") List<String> tags) {
        return run("tag", data, w -> {
            CaseItem item = w.cases().itemAt(w.cases().resolve(caseKey).id(), position);
            CaseItem after = w.cases().setTags(item.id(), tags == null ? List.of() : tags);
            System.out.println("item " + position + ": tags " + after.tags());
            return 0;
        });
    }

    @Command(name = "move", mixinStandardHelpOptions = true, description = "Move an item to another position.")
    int move(@Mixin DataOption data, @Parameters(index = "0", paramLabel = "CASE") String caseKey,
             @Parameters(index = "1", paramLabel = "ITEM") int position,
             @Parameters(index = "2", paramLabel = "POSITION") int to) {
        return run("move", data, w -> {
            CaseItem item = w.cases().itemAt(w.cases().resolve(caseKey).id(), position);
            w.cases().moveItem(item.id(), to);
            System.out.println("moved item " + position + " to " + to);
            return 0;
        });
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove an item from a case.")
    int remove(@Mixin DataOption data, @Parameters(index = "0", paramLabel = "CASE") String caseKey,
               @Parameters(index = "1", paramLabel = "ITEM") int position) {
        return run("remove", data, w -> {
            CaseItem item = w.cases().itemAt(w.cases().resolve(caseKey).id(), position);
            w.cases().removeItem(item.id());
            System.out.println("removed item " + position + " (" + PathText.shown(item.video().getFileName()) + ")");
            return 0;
        });
    }
}
