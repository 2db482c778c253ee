package org.ganbench.dataset;

/** An axis-aligned box in image pixels. */
public record FaceBox(int x, int y, int w, int h) {

    public long area() {
        return (long) w * h;
    }

    /** Intersection over union with {@code other}: 1 for identical boxes, 0 for disjoint ones. */
    public double iou(FaceBox other) {
        long iw = Math.max(0, Math.min(x + w, other.x + other.w) - Math.max(x, other.x));
        long ih = Math.max(0, Math.min(y + h, other.y + other.h) - Math.max(y, other.y));
        long inter = iw * ih;
        long union = area() + other.area() - inter;
        return union == 0 ? 0 : (double) inter / union;
    }
}
