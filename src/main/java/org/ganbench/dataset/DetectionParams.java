package org.ganbench.dataset;

/**
 * The detection recipe of lbpcascade_animeface's README: gray, equalizeHist, then detectMultiScale with these values
 * ({@link #RECIPE}: scale factor 1.1, 5 neighbours, faces at least 24x24).
 */
public record DetectionParams(double scaleFactor, int minNeighbors, int minSize) {
    public static final DetectionParams RECIPE = new DetectionParams(1.1, 5, 24);

    public DetectionParams {
        if (!(scaleFactor > 1.0)) {
            throw new IllegalArgumentException("scale factor must be above 1.0, was " + scaleFactor);
        }
        if (minNeighbors < 0) {
            throw new IllegalArgumentException("min neighbours must be 0 or more, was " + minNeighbors);
        }
        if (minSize < 1) {
            throw new IllegalArgumentException("min size must be at least 1 pixel, was " + minSize);
        }
    }
}
