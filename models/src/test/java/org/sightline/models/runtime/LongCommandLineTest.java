package org.sightline.models.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.models.testing.OfflineInferenceMain;
import org.sightline.models.testing.SharedData;

/**
 * A process whose command line is very long (a prompt or camera name pasted by a user, a shell glob of thousands of
 * files) used to die with SIGSEGV when ONNX Runtime started on the main thread's 1 MB stack (issue 11, item 1).
 * A child JVM with the default stack size and two arguments of the longest length Linux allows opens a model and
 * embeds a frame and a prompt.
 */
class LongCommandLineTest {
    @TempDir
    Path temp;

    @Test
    void aModelOpensAndRunsWhateverTheCommandLineLength() throws Exception {
        String longest = "a".repeat(131_000); // MAX_ARG_STRLEN is 128 KiB including the terminating NUL
        Path log = temp.resolve("child.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                OfflineInferenceMain.class.getName(), temp.resolve("models").toString(),
                SharedData.clipTokenizerDir().toString(), longest, longest));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "child JVM did not finish");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "child JVM with a 262,000-character command line failed (139 = SIGSEGV):\n" + output);
        assertTrue(output.contains("OFFLINE-OK"), output);
    }
}
