package org.ganbench.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Axis ticks at round values (1, 2 or 5 times a power of ten: "0, 2.5, 5, 7.5, 10" rather than "0.321, 2.83, ..."),
 * for the window's charts and the report's pictures alike. The axis range is widened to whole ticks so that the first
 * and last gridlines sit on the plot's edges.
 */
public record AxisTicks(double min, double max, double step, List<Double> values) {
    /** Bound on the number of ticks, whatever the range. */
    private static final int MAX_TICKS = 40;
    /** Beyond this many decimals ("0.0001" is the last) a label is written in scientific notation. */
    private static final int MAX_PLAIN_DECIMALS = 4;

    /** About {@code wanted} ticks over [{@code lo}, {@code hi}], the range widened to the nearest ticks outside it. */
    public static AxisTicks covering(double lo, double hi, int wanted) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || hi < lo) {
            throw new IllegalArgumentException("no axis over [" + lo + ", " + hi + "]");
        }
        if (hi == lo) {
            // A flat curve still gets a visible range around its value.
            double half = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= half;
            hi += half;
        }
        double step = niceStep((hi - lo) / Math.max(1, wanted));
        // Rounding guards: 0.30000000000000004 / 0.1 must not become one more tick.
        double first = Math.floor(lo / step + 1e-9);
        double last = Math.ceil(hi / step - 1e-9);
        while (last - first > MAX_TICKS) {
            step = niceStep(step * 1.5);
            first = Math.floor(lo / step + 1e-9);
            last = Math.ceil(hi / step - 1e-9);
        }
        List<Double> values = new ArrayList<>();
        for (double k = first; k <= last; k++) {
            values.add(clean(k * step, step));
        }
        return new AxisTicks(values.get(0), values.get(values.size() - 1), step, List.copyOf(values));
    }

    /** The ticks inside [{@code lo}, {@code hi}]: for an axis kept to its data's range (steps), not widened. */
    public List<Double> within(double lo, double hi) {
        double slack = step * 1e-9;
        return values.stream().filter(v -> v >= lo - slack && v <= hi + slack).toList();
    }

    /** A round step (1, 2, 2.5 or 5 times a power of ten) close to {@code rough}; 1 for a step that is no number. */
    public static double niceStep(double rough) {
        if (!(rough > 0) || !Double.isFinite(rough)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double f = rough / magnitude;
        return (f < 1.5 ? 1 : f < 2.25 ? 2 : f < 3.5 ? 2.5 : f < 7.5 ? 5 : 10) * magnitude;
    }

    /**
     * {@code v} as a tick label: the decimals the step needs and no trailing zeros ("0, 2.5, 5, 7.5, 10"); a step
     * finer than 4 decimals in scientific notation ("3e-7", "2.5e-7"), which fits the axis where "0.00000025" would
     * be cut off.
     */
    public String label(double v) {
        if (step >= 1 && step == Math.rint(step) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", Math.round(v));
        }
        int decimals = 0;
        while (decimals < 15 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals)))
                > 1e-6 * step * Math.pow(10, decimals)) {
            decimals++;
        }
        BigDecimal rounded = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        return decimals > MAX_PLAIN_DECIMALS ? scientific(rounded) : rounded.toPlainString();
    }

    /** 0.00000025 as "2.5e-7": the digits as a mantissa in [1, 10) and the power of ten. */
    private static String scientific(BigDecimal v) {
        int exponent = v.precision() - v.scale() - 1;
        String mantissa = v.movePointLeft(exponent).stripTrailingZeros().toPlainString();
        return mantissa + "e" + exponent;
    }

    /** Snaps float noise (2.9999999999999996) and negative zero to the tick's exact value. */
    private static double clean(double v, double step) {
        if (Math.abs(v) < step * 1e-6) {
            return 0;
        }
        return Double.parseDouble(String.format(Locale.ROOT, "%.12g", v));
    }
}
