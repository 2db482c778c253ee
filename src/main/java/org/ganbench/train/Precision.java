package org.ganbench.train;

import java.util.Locale;

/** The arithmetic of a run's convolutions: float32 throughout, or bfloat16 inputs with float32 results and state. */
public enum Precision {
    F32("float32"),
    BF16("bfloat16");

    private final String description;

    Precision(String description) {
        this.description = description;
    }

    /** As typed on the command line and in the form: {@code f32} or {@code bf16}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    /** {@code f32} or {@code bf16} (any case); otherwise an error naming both. */
    public static Precision parse(String text) {
        for (Precision p : values()) {
            if (p.key().equalsIgnoreCase(text.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown precision '" + text.strip() + "': use f32 or bf16");
    }
}
