package org.sightline.indexer.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted over a test folder, so a data directory really runs out of space. Needs root (to mount): the
 * test is skipped, saying so, elsewhere. Close it to unmount.
 */
public final class SmallTmpfs implements AutoCloseable {
    private final Path mounted;

    private SmallTmpfs(Path mounted) {
        this.mounted = mounted;
    }

    /** Mounts a tmpfs of {@code size} (e.g. "8m") over {@code dir}, or skips the test when that cannot be done here. */
    public static SmallTmpfs mountOver(Path dir, String size) throws IOException, InterruptedException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root to mount a tmpfs");
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString()) == 0,
                "this system does not let the test mount a tmpfs");
        return new SmallTmpfs(dir);
    }

    @Override
    public void close() throws IOException {
        try {
            run("umount", "-l", mounted.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
