package org.ganbench.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CpuFeaturesTest {
    private static final String SAPPHIRE_RAPIDS = """
            processor\t: 0
            vendor_id\t: GenuineIntel
            model name\t: Intel(R) Xeon(R) Platinum 8481C
            flags\t\t: fpu vme sse2 avx avx2 avx512f avx512bw avx512_bf16 amx_bf16 avx512_fp16 amx_tile amx_int8
            bugs\t\t: spectre_v1

            processor\t: 1
            flags\t\t: fpu
            """;

    @Test
    void readsTheFirstProcessorsFlags() {
        CpuFeatures cpu = CpuFeatures.parse(SAPPHIRE_RAPIDS);
        assertEquals("yes", cpu.has("avx512_bf16"));
        assertEquals("yes", cpu.has("avx2"));
        assertEquals("no", cpu.has("avx512_vnni"));
        assertEquals("yes (amx_tile amx_bf16 amx_int8)", cpu.amx());
    }

    @Test
    void aCpuWithoutAmxOrBfloat16SaysNo() {
        CpuFeatures cpu = CpuFeatures.parse("processor\t: 0\nflags\t\t: fpu sse2 avx avx2 fma\n");
        assertEquals("no", cpu.has("avx512_bf16"));
        assertEquals("no", cpu.amx());
        assertEquals("yes", cpu.has("fma"));
    }

    @Test
    void withoutAFlagsLineNothingIsKnown() {
        CpuFeatures cpu = CpuFeatures.parse("Processor\t: AArch64 Processor rev 0\nFeatures\t: fp asimd\n");
        assertEquals("unknown", cpu.has("avx512_bf16"));
        assertEquals("unknown", cpu.amx());
    }
}
