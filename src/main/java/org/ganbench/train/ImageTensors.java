package org.ganbench.train;

/** Conversions between NCHW float images in [-1, 1] and packed RGB bytes. */
final class ImageTensors {
    private ImageTensors() {
    }

    /** Writes {@code n} NCHW images (3 channels) as packed RGB bytes into {@code out} from {@code offset}. */
    static void toRgb(float[] nchw, int n, int side, byte[] out, int offset) {
        int plane = side * side;
        for (int i = 0; i < n; i++) {
            int src = i * 3 * plane;
            int dst = offset + i * 3 * plane;
            for (int p = 0; p < plane; p++) {
                for (int c = 0; c < 3; c++) {
                    float v = (nchw[src + c * plane + p] + 1f) * 127.5f;
                    int b = Float.isNaN(v) ? 0 : Math.round(Math.max(0f, Math.min(255f, v)));
                    out[dst + 3 * p + c] = (byte) b;
                }
            }
        }
    }
}
