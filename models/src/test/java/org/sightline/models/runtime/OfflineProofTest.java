package org.sightline.models.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.testing.ConnectingMain;
import org.sightline.models.testing.OfflineInferenceMain;
import org.sightline.models.testing.SharedData;

/**
 * Proves that loading a pack, tokenising and inference use no network: a child JVM runs
 * {@link OfflineInferenceMain} with no network namespace ({@code unshare -rn}) and under
 * {@code strace -f -e trace=connect}, and the trace must hold no connect() to anything but local sockets.
 * Without either tool the test is skipped on a developer machine and FAILS when {@code CI} is set.
 */
class OfflineProofTest {
    @TempDir
    Path temp;

    private static final Pattern CONNECT = Pattern.compile("connect\\((\\d+), \\{sa_family=(AF_\\w+)([^}]*)}");

    static boolean works(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void inferenceMakesNoNetworkConnections() throws Exception {
        List<String> remote = runTraced(OfflineInferenceMain.class.getName(),
                temp.resolve("models").toString(), SharedData.clipTokenizerDir().toString());
        assertEquals(List.of(), remote, "connect() to non-local addresses during offline inference");
    }

    @Test
    void theTraceDoesSeeAConnectionAttempt() throws Exception {
        Assumptions.assumeTrue(works("strace", "-f", "-e", "trace=connect", "-o", "/dev/null", "true") || System.getenv("CI") != null,
                "strace is not available");
        List<String> remote = runTraced(ConnectingMain.class.getName());
        assertEquals(1, remote.size(), "expected the control program's one connect() to 169.254.169.254: " + remote);
        assertTrue(remote.getFirst().contains("169.254.169.254"), remote.getFirst());
    }

    /** Runs a main class in a child JVM without network and under strace; returns its connect() calls to non-local addresses. */
    private List<String> runTraced(String mainClass, String... args) throws Exception {
        boolean strace = works("strace", "-f", "-e", "trace=connect", "-o", "/dev/null", "true");
        boolean unshare = works("unshare", "-rn", "true");
        if (!strace && !unshare) {
            String message = "neither strace nor unshare -rn works here, so offline inference cannot be proven";
            if (System.getenv("CI") != null) {
                fail(message + " (CI is set: install strace)");
            }
            Assumptions.abort(message);
        }
        Path trace = temp.resolve(mainClass + ".trace");
        Path log = temp.resolve(mainClass + ".log");
        List<String> command = new ArrayList<>();
        if (unshare) {
            command.addAll(List.of("unshare", "-rn"));
        }
        if (strace) {
            command.addAll(List.of("strace", "-f", "-qq", "-e", "trace=connect", "-o", trace.toString()));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        // The product must be offline by itself: no DJL switches from outside.
        env.remove("DJL_OFFLINE");
        env.remove("OPT_OUT_TRACKING");
        env.remove("JAVA_TOOL_OPTIONS");
        env.remove("JDK_JAVA_OPTIONS");
        Process p = pb.start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "child JVM did not finish");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "child JVM failed" + (unshare ? " without network" : "") + ":\n" + output);
        assertTrue(output.contains("OFFLINE-OK"), output);
        List<String> remote = new ArrayList<>();
        if (!strace) {
            return remote;
        }
        int connects = 0;
        for (String line : Files.readAllLines(trace, StandardCharsets.UTF_8)) {
            Matcher m = CONNECT.matcher(line);
            if (!m.find()) {
                continue;
            }
            connects++;
            String family = m.group(2);
            String rest = m.group(3);
            boolean local = family.equals("AF_UNIX") || family.equals("AF_NETLINK")
                    || rest.contains("inet_addr(\"127.") || rest.contains("inet_pton(AF_INET6, \"::1\"");
            if (!local) {
                remote.add(line);
            }
        }
        System.out.println(mainClass + ": connect() calls " + connects + ", to non-local addresses " + remote.size());
        return remote;
    }

}
