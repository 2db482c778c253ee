package org.ganbench.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CPU's instruction-set extensions that decide how fast oneDNN can train: AVX-512 with bfloat16 dot products and
 * Intel's AMX tiles. Read from the kernel's {@code /proc/cpuinfo} flags; elsewhere nothing is known.
 */
public final class CpuFeatures {
    private static final Path LINUX_CPUINFO = Path.of("/proc/cpuinfo");
    private static final List<String> AMX_FLAGS = List.of("amx_tile", "amx_bf16", "amx_int8");

    /** Empty when the flags could not be read: every answer is then "unknown". */
    private final Optional<Set<String>> flags;

    private CpuFeatures(Optional<Set<String>> flags) {
        this.flags = flags;
    }

    /** This machine's features (unknown off Linux or when /proc/cpuinfo cannot be read). */
    public static CpuFeatures current() {
        try {
            return Files.isReadable(LINUX_CPUINFO) ? parse(Files.readString(LINUX_CPUINFO)) : unknown();
        } catch (IOException e) {
            return unknown();
        }
    }

    /** The features in a {@code /proc/cpuinfo} text: the first processor's "flags" line. */
    public static CpuFeatures parse(String cpuinfo) {
        return cpuinfo.lines()
                .filter(line -> line.startsWith("flags") && line.indexOf(':') > 0)
                .findFirst()
                .map(line -> new CpuFeatures(Optional.of(
                        new TreeSet<>(Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+"))))))
                .orElseGet(CpuFeatures::unknown);
    }

    static CpuFeatures unknown() {
        return new CpuFeatures(Optional.empty());
    }

    /** "yes", "no" or "unknown" for one flag as the kernel names it (e.g. "avx512_bf16"). */
    public String has(String flag) {
        return flags.map(set -> set.contains(flag) ? "yes" : "no").orElse("unknown");
    }

    /** "yes (amx_tile amx_bf16)" with the AMX flags present, "no" or "unknown". */
    public String amx() {
        return flags.map(set -> {
            List<String> present = AMX_FLAGS.stream().filter(set::contains).toList();
            return present.isEmpty() ? "no" : "yes (" + String.join(" ", present) + ")";
        }).orElse("unknown");
    }
}
