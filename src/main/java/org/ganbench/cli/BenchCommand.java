package org.ganbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
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
        private static final Pattern REFERENCE_CPU = Pattern.compile("cpu ([0-9.]+)s");
        /**
         * Runs the reference script (argv[1]) and prints the CPU time of all its threads, like its own clock after
         * its imports: on a machine shared with other work, core-seconds per image compare better than wall time.
         */
        private static final String REFERENCE_WRAPPER = String.join("\n",
                "import resource, runpy, sys",
                "import cv2",
                "def cpu():",
                "    r = resource.getrusage(resource.RUSAGE_SELF)",
                "    return r.ru_utime + r.ru_stime",
                "sys.argv = sys.argv[1:]",
                "start = cpu()",
                "runpy.run_path(sys.argv[0], run_name='__main__')",
                "print(f'cpu {cpu() - start:.3f}s', file=sys.stderr)");

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
            List<Double> cpuRatios = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                TimedCrop timed = timeCrop(cascade, options);
                CropResult a = timed.result();
                double cpuPerImage = timed.cpuSeconds() / a.imagesRead();
                out.printf("round %d  ganbench crop, %d thread(s): %d images, %d faces in %.2f s = %.1f images/s, "
                                + "%.1f faces/s, %.2f ms CPU/image%n", round, options.threads(), a.imagesRead(),
                        a.facesWritten(), a.seconds(), a.imagesPerSecond(), a.facesPerSecond(), 1000 * cpuPerImage);
                if (reference != null) {
                    Reference b = timeReference(cascade);
                    double ratio = a.imagesPerSecond() / (b.images() / b.seconds());
                    double cpuRatio = (b.cpuSeconds() / b.images()) / cpuPerImage;
                    ratios.add(ratio);
                    cpuRatios.add(cpuRatio);
                    out.printf("round %d  python reference:            %d images, %d faces in %.2f s = %.1f images/s, "
                                    + "%.2f ms CPU/image -> ratio %.2fx (CPU/image %.2fx)%n", round, b.images(), b.faces(),
                            b.seconds(), b.images() / b.seconds(), 1000 * b.cpuSeconds() / b.images(), ratio, cpuRatio);
                }
                out.flush();
            }
            if (!ratios.isEmpty()) {
                out.printf("images/s ratio ganbench/python over %d rounds: mean %.2fx, min %.2fx; CPU/image "
                                + "python/ganbench: mean %.2fx%n", ratios.size(),
                        ratios.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                        ratios.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                        cpuRatios.stream().mapToDouble(Double::doubleValue).average().orElse(0));
            }
            return 0;
        }

        /** A crop run and the CPU time this process spent on it (all threads: workers, OpenCV's, GC, JIT). */
        private record TimedCrop(CropResult result, double cpuSeconds) {
        }

        private TimedCrop timeCrop(Path cascade, CropJob.Options options) throws IOException {
            Path scratch = Files.createTempDirectory("ganbench-bench");
            long cpuBefore = processCpuNanos();
            try {
                CropResult result = CropJob.detectFaces(input, scratch.resolve("dataset"), cascade, options)
                        .run(ProgressListener.NONE, new CancellationToken());
                return new TimedCrop(result, (processCpuNanos() - cpuBefore) / 1e9);
            } finally {
                try (Stream<Path> walk = Files.walk(scratch)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }

        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        /** What the reference printed: images, faces, seconds (its own clock, after its imports) and CPU seconds. */
        private record Reference(int images, int faces, double seconds, double cpuSeconds) {
        }

        private Reference timeReference(Path cascade) throws IOException, InterruptedException {
            Process process = new ProcessBuilder(python, "-c", REFERENCE_WRAPPER, reference.toString(),
                    cascade.toString(), input.toString()).redirectError(ProcessBuilder.Redirect.PIPE).start();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IOException("reference detector failed: " + stderr.strip());
            }
            Matcher m = REFERENCE_TIME.matcher(stderr);
            Matcher cpu = REFERENCE_CPU.matcher(stderr);
            if (!m.find() || !cpu.find()) {
                throw new IOException("reference detector printed no timing: " + stderr.strip());
            }
            int faces = (int) stdout.lines().count() - 1;
            return new Reference(Integer.parseInt(m.group(1)), faces, Double.parseDouble(m.group(2)),
                    Double.parseDouble(cpu.group(1)));
        }
    }
}
