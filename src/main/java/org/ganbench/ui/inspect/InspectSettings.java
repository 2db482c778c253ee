package org.ganbench.ui.inspect;

/**
 * What the Inspect form asks for, parsed from its fields without a window; {@link #parse} says in words which field
 * is wrong.
 */
record InspectSettings(long seed, int rows, int steps, boolean slerp, int walkSteps, double stepSize,
                       long directionSeed, boolean clamp) {

    /** The form's texts as typed; an IllegalArgumentException names the field and what it must be. */
    static InspectSettings parse(String seed, String rows, String steps, boolean slerp, String walkSteps,
                                 String stepSize, String directionSeed, boolean clamp) {
        return new InspectSettings(longValue(seed, "seed"), atLeast(rows, "rows", 1),
                atLeast(steps, "interpolation steps", 2), slerp, atLeast(walkSteps, "walk steps", 1),
                number(stepSize, "step size"), longValue(directionSeed, "direction seed"), clamp);
    }

    private static long longValue(String text, String name) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + text + "'");
        }
    }

    private static int atLeast(String text, String name, int min) {
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + text + "'");
        }
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", not " + value);
        }
        return value;
    }

    private static double number(String text, String name) {
        try {
            double value = Double.parseDouble(text.strip());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, not '" + text + "'");
        }
    }
}
