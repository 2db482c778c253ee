package org.ganbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backend decision and the CUDA probe's steps, with the NVIDIA driver given (none here has one). */
class ComputeBackendTest {
    private static final String CPU_BACKEND = "org.nd4j.linalg.cpu.nativecpu.CpuBackend";
    private static final Supplier<String> LIBRARIES_LOAD = () -> "";

    @TempDir
    Path tmp;

    @Test
    void aMissingDriverLibraryMeansTheCpuAndSaysSoInOneLine() {
        CudaStatus status = CudaProbe.probe("libcuda.so.1", name -> {
            throw new UnsatisfiedLinkError("Unable to load library '" + name + "'");
        }, LIBRARIES_LOAD);
        ComputeBackend.Choice choice = ComputeBackend.decide(true, "", () -> status);
        assertFalse(choice.gpu());
        assertEquals("libcuda.so.1 not found", choice.reason());
        assertEquals("CUDA unavailable (libcuda.so.1 not found): training on the CPU", choice.line());
    }

    @Test
    void aWorkingDriverWithASupportedGpuMeansCuda() {
        CudaStatus status = CudaProbe.probe("libcuda.so.1", name -> new FakeDriver(0, 12040, 8, 6), LIBRARIES_LOAD);
        ComputeBackend.Choice choice = ComputeBackend.decide(true, "auto", () -> status);
        assertTrue(choice.gpu(), choice::line);
        assertEquals(List.of(new CudaStatus.Gpu(0, "Test GPU", 24_000_000_000L, 8, 6)), status.gpus());
        assertEquals("CUDA available (GPU 0: Test GPU, 24.0 GB, compute capability 8.6; driver for CUDA 12.4): "
                + "training on the GPU", choice.line());
    }

    @Test
    void eachReasonTheDriverGivesIsNamed() {
        assertEquals("the NVIDIA driver did not start: CUDA_ERROR_NO_DEVICE (100)", problem(new FakeDriver(100, 12040, 8, 6)));
        assertEquals("the NVIDIA driver supports CUDA up to 10.2; nd4j-cuda-11.6 needs a driver for CUDA 11.0 or newer",
                problem(new FakeDriver(0, 10020, 7, 5)));
        assertEquals("GPU 0 (Test GPU) has compute capability 9.0; nd4j-cuda-11.6 has kernels for 3.7 to 8.x only",
                problem(new FakeDriver(0, 12040, 9, 0)));
        assertEquals("GPU 0 (Test GPU) has compute capability 3.5; nd4j-cuda-11.6 has kernels for 3.7 to 8.x only",
                problem(new FakeDriver(0, 12040, 3, 5)));
        assertEquals("", problem(new FakeDriver(0, 12040, 8, 9)), "Ada runs the sm_86 cubins");
        CudaStatus noLibraries = CudaProbe.probe("libcuda.so.1", name -> new FakeDriver(0, 12040, 8, 6),
                () -> "libcublas.so.11 not found (a CUDA 11 library)");
        assertEquals("libcublas.so.11 not found (a CUDA 11 library)", noLibraries.problem().orElseThrow());
        assertEquals("12.4", noLibraries.driverVersion().orElseThrow());
    }

    @Test
    void aFailedLoadIsNamedByTheLibraryItMisses() {
        UnsatisfiedLinkError outer = new UnsatisfiedLinkError("no jnicudart in java.library.path: /usr/lib");
        outer.initCause(new UnsatisfiedLinkError("/root/.javacpp/cache/cuda-11.6-8.3-1.5.7-linux-x86_64.jar/org/bytedeco/"
                + "cuda/linux-x86_64/libjnicudart.so: libcudart.so.11.0: cannot open shared object file: No such file"));
        assertEquals("libcudart.so.11.0 not found (a CUDA 11 library)", CudaProbe.loadFailure(outer));
        assertEquals("the CUDA libraries did not load: No CUDA devices were found in system",
                CudaProbe.loadFailure(new RuntimeException("No CUDA devices were found in system")));
    }

    @Test
    void theCpuBuildAndTheOverrideNeverProbe() {
        AtomicInteger probes = new AtomicInteger();
        Supplier<CudaStatus> probe = () -> {
            probes.incrementAndGet();
            return CudaStatus.usable("12.4", List.of(new CudaStatus.Gpu(0, "Test GPU", 1, 8, 6)));
        };
        ComputeBackend.Choice cpuBuild = ComputeBackend.decide(false, "", probe);
        assertFalse(cpuBuild.gpu() || cpuBuild.cudaBuild());
        assertEquals("CPU build (no CUDA backend in this build): training on the CPU", cpuBuild.line());
        ComputeBackend.Choice asked = ComputeBackend.decide(true, " CPU ", probe);
        assertFalse(asked.gpu());
        assertEquals("CUDA unavailable (GANBENCH_BACKEND=cpu): training on the CPU", asked.line());
        assertEquals(0, probes.get());
        assertTrue(ComputeBackend.decide(true, "cuda", probe).gpu());
        assertEquals(1, probes.get());
    }

    @Test
    void theCpuOnlyClassLoaderHidesTheCudaBackendAndNothingElse() throws IOException {
        Path cudaJar = servicesFolder("cuda", "# the CUDA backend\n" + CudaProbe.CUDA_BACKEND_CLASS + "\n");
        Path cpuJar = servicesFolder("cpu", CPU_BACKEND + "\n");
        try (URLClassLoader both = new URLClassLoader(new URL[] {cudaJar.toUri().toURL(), cpuJar.toUri().toURL()}, null)) {
            String services = "META-INF/services/org.nd4j.linalg.factory.Nd4jBackend";
            assertEquals(2, Collections.list(both.getResources(services)).size());
            ClassLoader cpuOnly = new ComputeBackend.WithoutCudaBackend(both);
            List<URL> left = Collections.list(cpuOnly.getResources(services));
            assertEquals(1, left.size());
            assertTrue(left.get(0).toString().contains("/cpu/"), left::toString);
            assertEquals(2, Collections.list(cpuOnly.getResources("marker.txt")).size(), "other resources untouched");
        }
    }

    private Path servicesFolder(String name, String services) throws IOException {
        Path root = tmp.resolve(name);
        Path file = root.resolve("META-INF/services/org.nd4j.linalg.factory.Nd4jBackend");
        Files.createDirectories(file.getParent());
        Files.writeString(file, services, StandardCharsets.UTF_8);
        Files.writeString(root.resolve("marker.txt"), name);
        return root;
    }

    private static String problem(CudaProbe.Driver driver) {
        return CudaProbe.probe("libcuda.so.1", name -> driver, LIBRARIES_LOAD).problem().orElse("");
    }

    /** Answers as the NVIDIA driver of one GPU would, with the given cuInit result, version and capability. */
    private record FakeDriver(int initResult, int version, int major, int minor) implements CudaProbe.Driver {
        @Override
        public int cuInit(int flags) {
            return initResult;
        }

        @Override
        public int cuDriverGetVersion(IntByReference value) {
            value.setValue(version);
            return 0;
        }

        @Override
        public int cuDeviceGetCount(IntByReference count) {
            count.setValue(1);
            return 0;
        }

        @Override
        public int cuDeviceGet(IntByReference device, int ordinal) {
            device.setValue(ordinal);
            return 0;
        }

        @Override
        public int cuDeviceGetName(byte[] name, int length, int device) {
            byte[] text = "Test GPU".getBytes(StandardCharsets.UTF_8);
            System.arraycopy(text, 0, name, 0, text.length);
            return 0;
        }

        @Override
        public int cuDeviceTotalMem_v2(LongByReference bytes, int device) {
            bytes.setValue(24_000_000_000L);
            return 0;
        }

        @Override
        public int cuDeviceGetAttribute(IntByReference value, int attribute, int device) {
            value.setValue(attribute == 75 ? major : minor);
            return 0;
        }

        @Override
        public int cuGetErrorName(int error, PointerByReference name) {
            Memory text = new Memory(32);
            text.setString(0, error == 100 ? "CUDA_ERROR_NO_DEVICE" : "CUDA_ERROR_UNKNOWN");
            name.setValue(text);
            return 0;
        }
    }
}
