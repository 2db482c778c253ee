package org.ganbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ganbench.common.CpuFeatures;
import org.junit.jupiter.api.Test;

/** The doctor's fields as the CPU build (the one the suite runs on) reports them. */
class ComputeEnvironmentTest {
    @Test
    void theCpuBuildReportsEveryFieldInOrder() {
        List<ComputeEnvironment.Field> fields = ComputeEnvironment.describe();
        assertEquals(List.of("GanBench", "Java", "Deeplearning4j", "Backend", "ND4J backend", "Device", "Memory", "CUDA",
                "cuDNN", "oneDNN", "CPU", "bfloat16"), fields.stream().map(ComputeEnvironment.Field::name).toList());
        Map<String, String> value = fields.stream()
                .collect(Collectors.toMap(ComputeEnvironment.Field::name, ComputeEnvironment.Field::value));
        assertTrue(value.get("Java").startsWith(System.getProperty("java.version") + " ("), value.get("Java"));
        assertEquals("1.0.0-M2.1", value.get("Deeplearning4j"));
        assertEquals("CPU build (no CUDA backend in this build): training on the CPU", value.get("Backend"));
        assertTrue(value.get("ND4J backend").matches("CpuBackend \\(.*HAVE_ONEDNN.*\\)"), value.get("ND4J backend"));
        assertTrue(value.get("Device").matches("CPU \\(oneDNN, \\d+ threads\\)"), value.get("Device"));
        assertTrue(value.get("Memory").matches("RAM \\d+\\.\\d GB \\(\\d+\\.\\d GB free\\); JVM heap up to \\d+\\.\\d GB; "
                + "native arrays up to \\d+\\.\\d GB"), value.get("Memory"));
        assertEquals("not in this build (./mvnw -Dcuda package builds the CUDA variant)", value.get("CUDA"));
        assertEquals("not used (no CUDA backend in use)", value.get("cuDNN"));
        assertTrue(value.get("oneDNN").startsWith("built into libnd4jcpu; ND4J helpers "), value.get("oneDNN"));
        CpuFeatures cpu = CpuFeatures.current();
        assertEquals(Runtime.getRuntime().availableProcessors() + " logical cores; avx2 " + cpu.has("avx2") + ", avx512f "
                + cpu.has("avx512f") + ", avx512_bf16 " + cpu.has("avx512_bf16") + ", AMX " + cpu.amx(), value.get("CPU"));
        assertEquals(Bfloat16Convolutions.unavailable().map(why -> "unavailable: " + why)
                .orElse("convolutions through oneDNN 3.3.4 (--precision bf16)"), value.get("bfloat16"));
    }

    @Test
    void theReportAlignsOneFieldALine() {
        String[] lines = ComputeEnvironment.report().split("\\R");
        assertEquals(12, lines.length);
        int column = lines[0].indexOf(lines[0].substring("GanBench:".length()).trim());
        for (String line : lines) {
            assertTrue(line.matches("[A-Za-z0-9 ]+: +\\S.*"), line);
            assertTrue(line.charAt(column - 1) == ' ' && line.charAt(column) != ' ', line);
        }
    }

    @Test
    void libnd4jsBuildFlagsAreItsHaveLines() {
        assertEquals("HAVE_FLATBUFFERS HAVE_ONEDNN", ComputeEnvironment.buildFlags(
                "GCC: \"7.5.0\"\nSTD version: 201103L\nHAVE_FLATBUFFERS\n HAVE_ONEDNN\n"));
    }
}
