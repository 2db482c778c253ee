package org.ganbench.train;

import java.util.List;

/**
 * Network width and batch size chosen together: chainer-gan-lib's own, and a width a CPU trains at a useful pace.
 * The command line and the window start from the same {@link #DEFAULT}.
 */
public enum Preset {
    SOURCE("Source (ch 512, batch 64)", 512, 64),
    CPU("CPU (ch 64, batch 32)", 64, 32),
    /** Width and batch match no preset: shown, never applied. */
    CUSTOM("Custom", 0, 0);

    /** The preset a new run starts from when nothing else is asked for. */
    public static final Preset DEFAULT = CPU;

    private final String label;
    private final int ch;
    private final int batch;

    Preset(String label, int ch, int batch) {
        this.label = label;
        this.ch = ch;
        this.batch = batch;
    }

    public int ch() {
        return ch;
    }

    public int batch() {
        return batch;
    }

    @Override
    public String toString() {
        return label;
    }

    /** The preset with this width and batch, or CUSTOM. */
    public static Preset matching(int ch, int batch) {
        for (Preset p : List.of(SOURCE, CPU)) {
            if (p.ch == ch && p.batch == batch) {
                return p;
            }
        }
        return CUSTOM;
    }
}
