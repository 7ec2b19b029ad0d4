package org.sightline.indexer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.sightline.indexer.audit.AuditException;
import org.sightline.indexer.cases.CaseException;
import org.sightline.indexer.catalog.CatalogException;
import org.sightline.indexer.search.InvalidQueryException;
import org.sightline.models.pack.NoActiveModelException;
import org.sightline.models.pack.PackInstallException;
import org.sightline.models.pack.PackVerificationException;
import org.sightline.models.runtime.PromptNotUnderstoodException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * What a verb that failed prints: one line in plain words, {@code sightline VERB: what went wrong}, and an exit status
 * that says what kind of failure it was. A stack trace is printed only for a failure Sightline did not expect (a bug),
 * after the plain line, or for every failure when {@code SIGHTLINE_DEBUG} is set.
 */
final class PlainErrors implements IExecutionExceptionHandler {
    /** The input cannot mean anything (as picocli's own usage errors). */
    static final int BAD_INPUT = 2;
    /** The verb ran and failed for a reason the message names. */
    static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        err.println(verb(commandLine) + ": " + describe(e));
        boolean expected = expected(e);
        if (!expected || System.getenv("SIGHTLINE_DEBUG") != null) {
            if (!expected) {
                err.println("This is an unexpected failure; the details below help to find its cause.");
            }
            e.printStackTrace(err);
        }
        err.flush();
        return e instanceof InvalidQueryException ? BAD_INPUT : FAILED;
    }

    static String verb(CommandLine commandLine) {
        StringBuilder name = new StringBuilder(commandLine.getCommandName());
        for (CommandLine p = commandLine.getParent(); p != null; p = p.getParent()) {
            name.insert(0, p.getCommandName() + " ");
        }
        return name.toString();
    }

    static boolean expected(Throwable e) {
        return e instanceof InvalidQueryException || e instanceof CaseException || e instanceof CatalogException
                || e instanceof AuditException || e instanceof NoActiveModelException || e instanceof PackInstallException
                || e instanceof PackVerificationException || e instanceof PromptNotUnderstoodException
                || e instanceof IOException || e instanceof UncheckedIOException;
    }

    static String describe(Throwable e) {
        Throwable io = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (io instanceof NoSuchFileException n) {
            return "no such file or folder: " + n.getFile();
        }
        if (io instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (io instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + ": " + f.getFile();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
