package org.ganbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.dataset.CropJob;
import org.ganbench.dataset.CropResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", description = "Benchmarks (programs, not tests).", 
        subcommands = {BenchCommand.Crop.class, BenchTrainCommand.class, BenchEvalCommand.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "crop", mixinStandardHelpOptions = true,
            description = "Time the crop job (read, decode, detect, crop, write into a throw-away dataset) over a "
                    + "folder: images/s and faces/s; with --reference, alternate with the Python reference detector "
                    + "(A B A B) and print the ratio.")
    static final class Crop implements Callable<Integer> {
        private static final Pattern REFERENCE_TIME = Pattern.compile("(\\d+) images in ([0-9.]+)s");

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR")
        Path input;

        @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: the number of cores)")
        Integer threads;

        @Option(names = "--rounds", defaultValue = "2", description = "timed rounds (default: ${DEFAULT-VALUE})")
        int rounds;

        @Option(names = "--reference", paramLabel = "SCRIPT",
                description = "ref_detect.py to run between the rounds, for a side-by-side ratio")
        Path reference;

        @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "interpreter for --reference")
        String python;

        @Mixin
        DetectionOptions detection;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path cascade = detection.locateCascade();
            CropJob.Options defaults = CropJob.Options.DEFAULTS;
            CropJob.Options options = new CropJob.Options(defaults.margin(), defaults.minFace(), defaults.size(),
                    threads != null ? threads : defaults.threads(), defaults.duplicateThreshold(), defaults.maxPixels(),
                    detection.params());
            // Untimed warm-up: loads OpenCV's natives and compiles the hot Java paths, as Python's import does.
            timeCrop(cascade, options);
            List<Double> ratios = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                CropResult a = timeCrop(cascade, options);
                out.printf("round %d  ganbench crop, %d thread(s): %d images, %d faces in %.2f s = %.1f images/s, "
                                + "%.1f faces/s%n", round, options.threads(), a.imagesRead(), a.facesWritten(), a.seconds(),
                        a.imagesPerSecond(), a.facesPerSecond());
                if (reference != null) {
                    double[] b = timeReference(cascade);
                    double ratio = a.imagesPerSecond() / (b[0] / b[1]);
                    ratios.add(ratio);
                    out.printf("round %d  python reference:            %d images, %d faces in %.2f s = %.1f images/s "
                            + "-> ratio %.2fx%n", round, (int) b[0], (int) b[2], b[1], b[0] / b[1], ratio);
                }
                out.flush();
            }
            if (!ratios.isEmpty()) {
                out.printf("images/s ratio ganbench/python over %d rounds: mean %.2fx, min %.2fx%n", ratios.size(),
                        ratios.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                        ratios.stream().mapToDouble(Double::doubleValue).min().orElse(0));
            }
            return 0;
        }

        private CropResult timeCrop(Path cascade, CropJob.Options options) throws IOException {
            Path scratch = Files.createTempDirectory("ganbench-bench");
            try {
                return CropJob.detectFaces(input, scratch.resolve("dataset"), cascade, options)
                        .run(ProgressListener.NONE, new CancellationToken());
            } finally {
                try (Stream<Path> walk = Files.walk(scratch)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }

        /** Images, seconds (as the script measures them, after its imports), faces. */
        private double[] timeReference(Path cascade) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(python, reference.toString(), cascade.toString(), input.toString())
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IOException("reference detector failed: " + stderr.strip());
            }
            Matcher m = REFERENCE_TIME.matcher(stderr);
            if (!m.find()) {
                throw new IOException("reference detector printed no timing: " + stderr.strip());
            }
            long faces = stdout.lines().count() - 1;
            return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), faces};
        }
    }
}
