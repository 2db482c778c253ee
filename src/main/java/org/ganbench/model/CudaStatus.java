package org.ganbench.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What probing the NVIDIA driver and the CUDA libraries found: whether the CUDA backend can train here, and if not,
 * why, in words for the user ("libcuda.so.1 not found").
 *
 * @param problem       empty when CUDA can run
 * @param driverVersion the CUDA version the driver supports ("12.4"), empty when no driver answered
 * @param gpus          the devices the driver lists, in its order (device 0 is the one ND4J trains on)
 */
public record CudaStatus(Optional<String> problem, Optional<String> driverVersion, List<Gpu> gpus) {

    /** One CUDA device as the driver describes it. */
    public record Gpu(int index, String name, long memoryBytes, int computeMajor, int computeMinor) {
        /** "NVIDIA GeForce RTX 3090, 24.0 GB, compute capability 8.6". */
        public String describe() {
            return String.format(Locale.ROOT, "%s, %.1f GB, compute capability %d.%d", name,
                    memoryBytes / 1e9, computeMajor, computeMinor);
        }
    }

    public static CudaStatus usable(String driverVersion, List<Gpu> gpus) {
        return new CudaStatus(Optional.empty(), Optional.of(driverVersion), List.copyOf(gpus));
    }

    public static CudaStatus unavailable(String problem) {
        return new CudaStatus(Optional.of(problem), Optional.empty(), List.of());
    }

    public static CudaStatus unavailable(String problem, String driverVersion, List<Gpu> gpus) {
        return new CudaStatus(Optional.of(problem), Optional.of(driverVersion), List.copyOf(gpus));
    }

    public boolean canRun() {
        return problem.isEmpty();
    }
}
