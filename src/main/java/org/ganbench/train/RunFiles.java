package org.ganbench.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NavigableMap;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Read-side view of a run folder ({@code runs/<id>/}): where its files are and what they say. */
public final class RunFiles {
    private static final Pattern SAMPLE = Pattern.compile("step_(\\d{6,})\\.png");

    private RunFiles() {
    }

    public static Path metrics(Path run) {
        return run.resolve("metrics.csv");
    }

    public static Path evalJson(Path run) {
        return run.resolve("eval").resolve("eval.json");
    }

    /** True when the folder looks like a run (any of its files present). */
    public static boolean isRun(Path dir) {
        return Files.isDirectory(dir) && (Files.exists(dir.resolve("config.json")) || Files.exists(metrics(dir))
                || Files.isDirectory(dir.resolve("samples")));
    }

    /** The saved 5x5 grids by step ({@code samples/step_NNNNNN.png}); empty before the first one. */
    public static NavigableMap<Long, Path> samples(Path run) throws IOException {
        NavigableMap<Long, Path> out = new TreeMap<>();
        Path dir = run.resolve("samples");
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> {
                Matcher m = SAMPLE.matcher(p.getFileName().toString());
                if (m.matches()) {
                    out.put(Long.parseLong(m.group(1)), p);
                }
            });
        }
        return out;
    }

    /** The number of steps the run was configured for ({@code "steps"} in config.json), if recorded. */
    public static OptionalLong configuredSteps(Path run) {
        Path config = run.resolve("config.json");
        if (!Files.exists(config)) {
            return OptionalLong.empty();
        }
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(config.toFile()).get("steps");
            return node != null && node.canConvertToLong() && node.asLong() > 0 ? OptionalLong.of(node.asLong())
                    : OptionalLong.empty();
        } catch (IOException e) {
            // A config being rewritten at this moment: no total known yet, the next look will find it.
            return OptionalLong.empty();
        }
    }
}
