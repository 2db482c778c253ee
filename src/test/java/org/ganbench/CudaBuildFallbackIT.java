package org.ganbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ganbench.train.RunFolder;
import org.ganbench.train.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CUDA build's jar as a user runs it (failsafe, {@code ./mvnw -Dcuda verify}): it carries both backends, says in
 * one line which it chose and why, trains, records the choice in config.json, and prints no stack trace. CI has no
 * GPU, so there the first test trains on the CPU fallback the probe chose; the second forces the fallback anywhere.
 */
class CudaBuildFallbackIT {
    private static final Pattern CHOICE = Pattern.compile(
            "(?m)^(?:CUDA available \\(.+\\): training on the GPU|CUDA unavailable \\((.+)\\): training on the CPU)$");

    @TempDir
    Path tmp;

    private record Result(int exit, String out, String err) {
    }

    @Test
    void trainsTwoStepsOnTheBackendTheProbeChose() throws Exception {
        Path run = tmp.resolve("run");
        Result result = trainTwoSteps(run, Map.of());
        Matcher choice = CHOICE.matcher(result.err());
        assertTrue(choice.find(), "one line saying which backend and why:\n" + result.err());
        String device = RunFolder.open(run).config().device();
        if (choice.group(1) == null) {
            assertTrue(device.startsWith("CUDA 0: "), device);
        } else {
            assertEquals("CPU (oneDNN, ", device.substring(0, "CPU (oneDNN, ".length()), device);
            assertTrue(device.endsWith("; CUDA unavailable: " + choice.group(1)), device);
        }
    }

    @Test
    void trainsTwoStepsOnTheCpuWhenAskedToAndSaysWhy() throws Exception {
        Path run = tmp.resolve("run");
        Result result = trainTwoSteps(run, Map.of("GANBENCH_BACKEND", "cpu"));
        assertTrue(result.err().contains("CUDA unavailable (GANBENCH_BACKEND=cpu): training on the CPU"), result.err());
        assertTrue(RunFolder.open(run).config().device().endsWith("; CUDA unavailable: GANBENCH_BACKEND=cpu"));

        Result doctor = ganbench(Map.of("GANBENCH_BACKEND", "cpu"), "--version", "--verbose");
        assertEquals(0, doctor.exit(), doctor.err());
        assertNoStackTrace(doctor.err());
        assertTrue(Pattern.compile("(?m)^ND4J backend: +CpuBackend \\(.*HAVE_ONEDNN").matcher(doctor.out()).find(),
                doctor.out());
        assertTrue(Pattern.compile("(?m)^CUDA: +unavailable: GANBENCH_BACKEND=cpu").matcher(doctor.out()).find(),
                doctor.out());
    }

    private Result trainTwoSteps(Path run, Map<String, String> environment) throws Exception {
        Path faces = tmp.resolve("faces");
        for (int i = 0; i < 8; i++) {
            TestImages.writeFace(faces.resolve("face" + i + ".png"), 64, 64, i);
        }
        Result result = ganbench(environment, "train", "--dataset", faces.toString(), "--algo", "dragan", "--steps",
                "2", "--batch", "4", "--ch", "8", "--sample-every", "2", "--checkpoint-every", "2", "--run-dir",
                run.toString());
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().contains("finished at step 2"), result.out());
        assertEquals(RunStatus.State.FINISHED, RunFolder.open(run).status().state());
        assertEquals(2, RunFolder.open(run).metrics().size());
        assertNoStackTrace(result.err());
        assertFalse(result.err().contains("JCublasBackend"), "ND4J never tried CUDA itself:\n" + result.err());
        return result;
    }

    private static void assertNoStackTrace(String err) {
        assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace:\n" + err);
    }

    private Result ganbench(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("ganbench.jar");
        assertNotNull(jar, "run by failsafe in the cuda profile, which names the jar in -Dganbench.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-jar", jar));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(tmp.toFile());
        builder.environment().remove("GANBENCH_BACKEND");
        builder.environment().putAll(environment);
        Path out = tmp.resolve("stdout.txt");
        Path err = tmp.resolve("stderr.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the jar finished within 5 minutes");
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
