package org.ganbench.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.bytedeco.javacpp.Pointer;
import org.ganbench.common.CpuFeatures;
import org.ganbench.common.Versions;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What GanBench computes with: Java, Deeplearning4j, ND4J's backend and why it was chosen, the device and its memory,
 * CUDA, cuDNN, oneDNN and the CPU's bfloat16/AMX support. For {@code ganbench doctor}, {@code --version --verbose},
 * the window's About box and the device string every run records. Initialises ND4J (after {@link ComputeBackend}).
 */
public final class ComputeEnvironment {
    private static final List<String> CPU_FLAGS = List.of("avx2", "avx512f", "avx512_bf16");

    /** One line of the report: "oneDNN", "built into libnd4jcpu; ND4J helpers on". */
    public record Field(String name, String value) {
    }

    private ComputeEnvironment() {
    }

    /** The report's fields in reading order. */
    public static List<Field> describe() {
        ComputeBackend.Choice choice = ComputeBackend.select();
        String buildInfo = Nd4j.getBackend().buildInfo();
        boolean onGpu = !Nd4j.getEnvironment().isCPU();
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("GanBench", Versions.ganbench()));
        fields.add(new Field("Java", Versions.java() + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch")));
        fields.add(new Field("Deeplearning4j", Versions.deeplearning4j()));
        fields.add(new Field("Backend", choice.line()));
        fields.add(new Field("ND4J backend", Nd4j.getBackend().getClass().getSimpleName() + " ("
                + buildFlags(buildInfo) + ")"));
        fields.add(new Field("Device", device()));
        fields.add(new Field("Memory", memory(choice, onGpu)));
        fields.add(new Field("CUDA", cuda(choice, onGpu)));
        fields.add(new Field("cuDNN", !onGpu ? "not used (no CUDA backend in use)"
                : buildInfo.contains("HAVE_CUDNN") ? "used by libnd4jcuda" : "not used (libnd4jcuda is built without it)"));
        fields.add(new Field("oneDNN", onGpu ? "not used (CUDA backend)"
                : buildInfo.contains("HAVE_ONEDNN") ? "built into libnd4jcpu; ND4J helpers "
                + (Nd4j.getEnvironment().helpersAllowed() ? "on" : "off") : "not in this backend (plain nd4j-native)"));
        fields.add(new Field("CPU", cpu(CpuFeatures.current())));
        fields.add(new Field("bfloat16", Bfloat16Convolutions.unavailable()
                .map(why -> "unavailable: " + why)
                .orElse("convolutions through oneDNN " + Bfloat16Convolutions.ONEDNN_VERSION + " (--precision bf16)")));
        return fields;
    }

    /** The report as "name: value" lines with the values aligned. */
    public static String report() {
        List<Field> fields = describe();
        int width = fields.stream().mapToInt(f -> f.name().length()).max().orElse(0) + 2;
        return fields.stream().map(f -> String.format(Locale.ROOT, "%-" + width + "s%s", f.name() + ":", f.value()))
                .collect(Collectors.joining(System.lineSeparator()));
    }

    /**
     * The device a run trains on, for config.json and the window: "CUDA 0: NVIDIA GeForce RTX 3090, 24.0 GB, compute
     * capability 8.6", "CPU (oneDNN, 2 threads)", or in the CUDA build on the CPU "CPU (oneDNN, 2 threads); CUDA
     * unavailable: libcuda.so.1 not found".
     */
    public static String device() {
        ComputeBackend.Choice choice = ComputeBackend.select();
        Environment environment = Nd4j.getEnvironment();
        if (!environment.isCPU()) {
            return choice.cuda().gpus().isEmpty() ? "GPU (ND4J " + Nd4j.getBackend().getClass().getSimpleName() + ")"
                    : "CUDA " + choice.cuda().gpus().get(0).index() + ": " + choice.cuda().gpus().get(0).describe();
        }
        String engine = Nd4j.getBackend().buildInfo().contains("HAVE_ONEDNN") ? "oneDNN" : "ND4J native";
        String cpu = "CPU (" + engine + ", " + environment.maxMasterThreads() + " threads)";
        return choice.cudaBuild() ? cpu + "; CUDA unavailable: " + choice.reason() : cpu;
    }

    /** The HAVE_* lines of libnd4j's build information: "HAVE_FLATBUFFERS HAVE_ONEDNN HAVE_OPENBLAS". */
    static String buildFlags(String buildInfo) {
        return buildInfo.lines().map(String::trim).filter(line -> line.startsWith("HAVE_"))
                .collect(Collectors.joining(" "));
    }

    private static String memory(ComputeBackend.Choice choice, boolean onGpu) {
        String host = String.format(Locale.ROOT, "RAM %s (%s free); JVM heap up to %s; native arrays up to %s",
                gigabytes(Pointer.totalPhysicalBytes()), gigabytes(Pointer.availablePhysicalBytes()),
                gigabytes(Runtime.getRuntime().maxMemory()), gigabytes(Pointer.maxBytes()));
        return onGpu && !choice.cuda().gpus().isEmpty()
                ? "GPU 0 " + gigabytes(choice.cuda().gpus().get(0).memoryBytes()) + "; " + host : host;
    }

    private static String cuda(ComputeBackend.Choice choice, boolean onGpu) {
        if (!choice.cudaBuild()) {
            return "not in this build (./mvnw -Dcuda package builds the CUDA variant)";
        }
        if (!onGpu) {
            return "unavailable: " + choice.reason()
                    + choice.cuda().driverVersion().map(v -> " (driver for CUDA " + v + ")").orElse("");
        }
        Environment environment = Nd4j.getEnvironment();
        return "driver for CUDA " + choice.cuda().driverVersion().orElse("?") + "; ND4J built with CUDA " + environment.blasMajorVersion() + "."
                + environment.blasMinorVersion() + "." + environment.blasPatchVersion()
                + "; kernels for compute capability 3.7 to 8.6, no PTX; " + choice.cuda().gpus().size() + " device(s)";
    }

    private static String cpu(CpuFeatures features) {
        String flags = CPU_FLAGS.stream().map(flag -> flag + " " + features.has(flag)).collect(Collectors.joining(", "));
        return Runtime.getRuntime().availableProcessors() + " logical cores; " + flags + ", AMX " + features.amx();
    }

    private static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
    }
}
