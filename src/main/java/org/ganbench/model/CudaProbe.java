package org.ganbench.model;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.factory.Nd4jBackend;

/**
 * Asks the NVIDIA driver (through JNA, before ND4J loads anything) and then the CUDA libraries whether the CUDA
 * backend can train here. ND4J's own check prints a stack trace and a warning when it fails; this one only answers.
 */
final class CudaProbe {
    static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";
    /** nd4j-cuda-11.6 M2.1's libnd4jcuda.so holds cubins for sm_37 ... sm_86 and no PTX (see docs/cuda.md). */
    static final int OLDEST_COMPUTE = 37;
    static final int NEWEST_COMPUTE_MAJOR = 8;
    /** CUDA 11's minor-version compatibility: an 11.6 runtime runs on any driver for CUDA 11.0 or newer. */
    static final int OLDEST_DRIVER = 11000;

    private static final int CUDA_SUCCESS = 0;
    private static final int ATTRIBUTE_COMPUTE_MAJOR = 75;
    private static final int ATTRIBUTE_COMPUTE_MINOR = 76;
    private static final Pattern MISSING_LIBRARY = Pattern.compile("([\\w.+-]+\\.(?:so[.\\d]*|dll|dylib)): cannot open");

    /** The driver API functions the probe needs (cuda.h; CUdevice is an int). */
    interface Driver extends Library {
        int cuInit(int flags);

        int cuDriverGetVersion(IntByReference version);

        int cuDeviceGetCount(IntByReference count);

        int cuDeviceGet(IntByReference device, int ordinal);

        int cuDeviceGetName(byte[] name, int length, int device);

        int cuDeviceTotalMem_v2(LongByReference bytes, int device);

        int cuDeviceGetAttribute(IntByReference value, int attribute, int device);

        int cuGetErrorName(int error, PointerByReference name);
    }

    private CudaProbe() {
    }

    /** The driver library's name as the system loader finds it, or empty where CUDA does not run. */
    static String driverLibraryName() {
        if (Platform.isLinux()) {
            return "libcuda.so.1";
        }
        return Platform.isWindows() ? "nvcuda" : "";
    }

    /** Probes this machine: driver, devices, compute capability, then the CUDA libraries the backend links. */
    static CudaStatus probe() {
        return probe(driverLibraryName(), name -> Native.loadLibrary(name, Driver.class), CudaProbe::librariesProblem);
    }

    /**
     * The probe's steps with the driver's loading and the libraries' check given (tests give a driver that is not
     * there, or one that answers as a given GPU would).
     *
     * @param loadDriver       loads the named driver library; throws UnsatisfiedLinkError where it is missing
     * @param librariesProblem empty when the CUDA libraries load, else why not
     */
    static CudaStatus probe(String library, Function<String, Driver> loadDriver, Supplier<String> librariesProblem) {
        if (library.isEmpty()) {
            return CudaStatus.unavailable("CUDA does not run on " + System.getProperty("os.name"));
        }
        Driver driver;
        try {
            driver = loadDriver.apply(library);
        } catch (UnsatisfiedLinkError e) {
            return CudaStatus.unavailable(library + " not found");
        }
        int initialised = driver.cuInit(0);
        if (initialised != CUDA_SUCCESS) {
            return CudaStatus.unavailable("the NVIDIA driver did not start: " + errorName(driver, initialised));
        }
        IntByReference version = new IntByReference();
        driver.cuDriverGetVersion(version);
        String driverVersion = version.getValue() / 1000 + "." + version.getValue() % 1000 / 10;
        List<CudaStatus.Gpu> gpus = devices(driver);
        if (version.getValue() < OLDEST_DRIVER) {
            return CudaStatus.unavailable("the NVIDIA driver supports CUDA up to " + driverVersion
                    + "; nd4j-cuda-11.6 needs a driver for CUDA 11.0 or newer", driverVersion, gpus);
        }
        if (gpus.isEmpty()) {
            return CudaStatus.unavailable("no CUDA device", driverVersion, gpus);
        }
        CudaStatus.Gpu first = gpus.get(0);
        int compute = first.computeMajor() * 10 + first.computeMinor();
        if (compute < OLDEST_COMPUTE || first.computeMajor() > NEWEST_COMPUTE_MAJOR) {
            return CudaStatus.unavailable(String.format(Locale.ROOT,
                    "GPU 0 (%s) has compute capability %d.%d; nd4j-cuda-11.6 has kernels for 3.7 to 8.x only",
                    first.name(), first.computeMajor(), first.computeMinor()), driverVersion, gpus);
        }
        String libraries = librariesProblem.get();
        return libraries.isEmpty() ? CudaStatus.usable(driverVersion, gpus)
                : CudaStatus.unavailable(libraries, driverVersion, gpus);
    }

    private static List<CudaStatus.Gpu> devices(Driver driver) {
        IntByReference count = new IntByReference();
        if (driver.cuDeviceGetCount(count) != CUDA_SUCCESS) {
            return List.of();
        }
        List<CudaStatus.Gpu> gpus = new ArrayList<>();
        for (int ordinal = 0; ordinal < count.getValue(); ordinal++) {
            IntByReference device = new IntByReference();
            driver.cuDeviceGet(device, ordinal);
            byte[] name = new byte[256];
            driver.cuDeviceGetName(name, name.length, device.getValue());
            LongByReference memory = new LongByReference();
            driver.cuDeviceTotalMem_v2(memory, device.getValue());
            IntByReference major = new IntByReference();
            IntByReference minor = new IntByReference();
            driver.cuDeviceGetAttribute(major, ATTRIBUTE_COMPUTE_MAJOR, device.getValue());
            driver.cuDeviceGetAttribute(minor, ATTRIBUTE_COMPUTE_MINOR, device.getValue());
            gpus.add(new CudaStatus.Gpu(ordinal, cString(name), memory.getValue(), major.getValue(), minor.getValue()));
        }
        return gpus;
    }

    private static String errorName(Driver driver, int error) {
        PointerByReference name = new PointerByReference();
        return driver.cuGetErrorName(error, name) == CUDA_SUCCESS && name.getValue() != null
                ? name.getValue().getString(0) + " (" + error + ")" : "CUDA error " + error;
    }

    private static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    /**
     * Empty when the CUDA runtime, cuBLAS and cuSOLVER load (the backend's own {@code canRun()}, which unlike its
     * {@code isAvailable()} prints nothing), else which library is missing.
     */
    private static String librariesProblem() {
        try {
            Nd4jBackend backend = (Nd4jBackend) Class.forName(CUDA_BACKEND_CLASS).getConstructor().newInstance();
            backend.canRun();
            org.bytedeco.javacpp.Loader.load(Class.forName("org.bytedeco.cuda.global.cusolver"));
            return "";
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return loadFailure(e);
        }
    }

    /** Why loading the CUDA libraries failed: "libcublas.so.11 not found (a CUDA 11 library)" where it names one. */
    static String loadFailure(Throwable failure) {
        String innermost = String.valueOf(failure);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher library = MISSING_LIBRARY.matcher(t.getMessage());
                if (library.find()) {
                    return library.group(1) + " not found (a CUDA 11 library)";
                }
                innermost = t.getMessage();
            }
        }
        return "the CUDA libraries did not load: " + innermost;
    }
}
