package org.ganbench.dataset;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Cuts a square face out of an image: the detector's box widened by a margin on each side, squared around its
 * centre, padded with the edge colour where it leaves the image, and resized with area interpolation.
 */
public final class FaceCropper {
    private final double margin;
    private final int size;

    /** {@code margin} is a fraction of the box's side added on each side (0.25 keeps hair and chin). */
    public FaceCropper(double margin, int size) {
        if (!(margin >= 0) || margin > 2) {
            throw new IllegalArgumentException("margin must be between 0 and 2, was " + margin);
        }
        if (size < 8 || size > 1024) {
            throw new IllegalArgumentException("size must be between 8 and 1024 pixels, was " + size);
        }
        this.margin = margin;
        this.size = size;
    }

    /** The square region (may reach outside the image) that {@link #crop} takes for {@code box}. */
    public FaceBox cropBox(FaceBox box) {
        int side = (int) Math.round(Math.max(box.w(), box.h()) * (1 + 2 * margin));
        double cx = box.x() + box.w() / 2.0;
        double cy = box.y() + box.h() / 2.0;
        return new FaceBox((int) Math.round(cx - side / 2.0), (int) Math.round(cy - side / 2.0), side, side);
    }

    /** The face in {@code region} of {@code bgr}, {@code size x size}; the caller closes it. */
    public Mat crop(Mat bgr, FaceBox region) {
        int x0 = Math.max(0, region.x());
        int y0 = Math.max(0, region.y());
        int x1 = Math.min(bgr.cols(), region.x() + region.w());
        int y1 = Math.min(bgr.rows(), region.y() + region.h());
        if (x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException("crop region " + region + " lies outside the image");
        }
        try (Rect inside = new Rect(x0, y0, x1 - x0, y1 - y0); Mat roi = bgr.apply(inside);
             Mat square = new Mat(); Size target = new Size(size, size)) {
            copyMakeBorder(roi, square, y0 - region.y(), region.y() + region.h() - y1, x0 - region.x(),
                    region.x() + region.w() - x1, BORDER_REPLICATE);
            Mat out = new Mat();
            resize(square, out, target, 0, 0, INTER_AREA);
            return out;
        }
    }
}
