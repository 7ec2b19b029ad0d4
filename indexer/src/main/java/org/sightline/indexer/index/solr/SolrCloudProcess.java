package org.sightline.indexer.index.solr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A SolrCloud on loopback in a child JVM: the {@code solr-cluster} module's launcher
 * ({@code org.sightline.solrcluster.LoopbackSolrCloud}) on its own class path, Solr 9 and its Lucene 9, which never
 * share a class path with Sightline's Lucene 10. Used by the tests and by {@code sightline solr dev-cluster}.
 */
public final class SolrCloudProcess implements AutoCloseable {
    /** Where the launcher's classes and class path are, when not found beside the working folder. */
    public static final String LOCATION_PROPERTY = "sightline.solr.cluster";
    static final String MAIN = "org.sightline.solrcluster.LoopbackSolrCloud";
    private static final long START_PATIENCE_S = 300;

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final String zkHost;
    private final List<URI> nodes;
    private final Path log;

    private SolrCloudProcess(Process process, Path log) throws IOException {
        this.process = process;
        this.log = log;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = Thread.ofPlatform().daemon(true).name("solrcloud-output").start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the child went away; callers see it as the end of its output
            }
            lines.add("exited");
        });
        reader.setUncaughtExceptionHandler((t, e) -> lines.add("exited"));
        String zk = null;
        List<URI> urls = new ArrayList<>();
        while (true) {
            String line = next("ready");
            if (line.startsWith("zk ")) {
                zk = line.substring(3).strip();
            } else if (line.startsWith("node ")) {
                urls.add(URI.create(line.split(" ")[2]));
            } else if (line.equals("ready")) {
                break;
            }
        }
        if (zk == null) {
            throw failure("printed no ZooKeeper address");
        }
        this.zkHost = zk;
        this.nodes = List.copyOf(urls);
    }

    /**
     * Starts {@code nodes} Solr nodes and an embedded ZooKeeper in a child JVM, their files under {@code workDir}, and
     * waits until they are up.
     *
     * @param launcher the {@code solr-cluster/target} folder (holding {@code classes} and {@code solr-cluster-lib})
     */
    public static SolrCloudProcess start(Path launcher, int nodes, Path workDir) throws IOException {
        return start(launcher, nodes, workDir, Optional.empty());
    }

    /**
     * As {@link #start(Path, int, Path)}; with {@code basicAuthFile} (one line USER:PASSWORD) every request to the cloud
     * must carry those credentials.
     */
    public static SolrCloudProcess start(Path launcher, int nodes, Path workDir, Optional<Path> basicAuthFile) throws IOException {
        return start(launcher, nodes, workDir, basicAuthFile, Optional.empty());
    }

    /**
     * As {@link #start(Path, int, Path, Optional)}; with {@code tls} the nodes serve HTTPS with its key (and ZooKeeper's
     * cluster properties say {@code urlScheme=https}).
     */
    public static SolrCloudProcess start(Path launcher, int nodes, Path workDir, Optional<Path> basicAuthFile,
            Optional<SolrDevCertificate> tls) throws IOException {
        Path classes = launcher.resolve("classes");
        Path lib = launcher.resolve("solr-cluster-lib");
        if (!Files.isDirectory(classes) || !Files.isDirectory(lib)) {
            throw new SolrStoreException("the SolrCloud launcher is not built in " + launcher + " (expected classes/ and"
                    + " solr-cluster-lib/); build it with `./mvnw -pl indexer/solr-cluster package`");
        }
        Files.createDirectories(workDir);
        Path log = workDir.resolve("solrcloud.log");
        String javaCommand = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(javaCommand, "-Xmx1g", "-cp",
                classes + java.io.File.pathSeparator + lib + "/*", MAIN, "--nodes", Integer.toString(nodes), "--dir",
                workDir.resolve("cluster").toString()));
        basicAuthFile.ifPresent(f -> command.addAll(java.util.List.of("--basic-auth-file", f.toAbsolutePath().toString())));
        tls.ifPresent(t -> command.addAll(java.util.List.of("--tls-keystore", t.keystore().toAbsolutePath().toString(),
                "--tls-truststore", t.truststore().toAbsolutePath().toString(),
                "--tls-password-file", t.passwordFile().toAbsolutePath().toString())));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(log.toFile());
        Process p = pb.start();
        try {
            return new SolrCloudProcess(p, log);
        } catch (IOException | RuntimeException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /**
     * The launcher folder: the {@value #LOCATION_PROPERTY} system property, else {@code indexer/solr-cluster/target} in the
     * working folder or one of its parents (a source checkout).
     */
    public static Optional<Path> findLauncher() {
        String configured = System.getProperty(LOCATION_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            for (Path candidate : java.util.List.of(d.resolve("indexer/solr-cluster/target"), d.resolve("solr-cluster/target"))) {
                if (Files.isDirectory(candidate.resolve("solr-cluster-lib"))) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private String next(String awaiting) throws IOException {
        try {
            String line = lines.poll(START_PATIENCE_S, TimeUnit.SECONDS);
            if (line == null) {
                throw failure("did not answer (" + awaiting + ") within " + START_PATIENCE_S + " s");
            }
            if (line.equals("exited")) {
                throw failure("exited before it was " + awaiting);
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SolrStoreException("interrupted while waiting for the SolrCloud child process", e);
        }
    }

    private SolrStoreException failure(String what) {
        return new SolrStoreException("the SolrCloud child process " + what + "; its log is " + log);
    }

    /** ZooKeeper connect string with chroot, for {@link SolrLocation#of}. */
    public String zkHost() {
        return zkHost;
    }

    /** The nodes' base URLs, by node number. */
    public List<URI> nodes() {
        return nodes;
    }

    public Path log() {
        return log;
    }

    /** Stops node {@code i} (as a machine going down would) and waits until it is down. */
    public synchronized void stopNode(int i) throws IOException {
        command("stop " + i, "stopped " + i);
    }

    /** Starts node {@code i} again. */
    public synchronized void startNode(int i) throws IOException {
        command("start " + i, "started " + i);
    }

    private void command(String command, String answer) throws IOException {
        commands.write(command + "\n");
        commands.flush();
        while (true) {
            String line = next(answer);
            if (line.startsWith(answer)) {
                return;
            }
            if (line.startsWith("error")) {
                throw new SolrStoreException("the SolrCloud child process could not " + command + ": " + line);
            }
        }
    }

    /** Blocks until the child process ends (for {@code sightline solr dev-cluster}). */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Shuts the cluster down and waits for the child process to end. */
    @Override
    public synchronized void close() {
        try {
            commands.write("quit\n");
            commands.close();
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
