package org.ganbench.dataset;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.equalizeHist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RectVector;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_objdetect.CascadeClassifier;

/**
 * Anime-face detection with OpenCV's cascade classifier and the recipe of {@link DetectionParams}. Not thread-safe
 * (OpenCV's classifier keeps per-call scratch state): use one detector per worker thread.
 */
public final class FaceDetector implements AutoCloseable {
    private final CascadeClassifier classifier;
    private final DetectionParams params;

    public FaceDetector(Path cascade, DetectionParams params) throws IOException {
        if (!Files.isRegularFile(cascade)) {
            throw new IOException("cascade file not found: " + cascade);
        }
        this.params = params;
        this.classifier = new CascadeClassifier();
        if (!classifier.load(cascade.toAbsolutePath().toString()) || classifier.empty()) {
            classifier.close();
            throw new IOException("not a valid OpenCV cascade file: " + cascade);
        }
    }

    /**
     * Faces in an 8-bit BGR image, top to bottom then left to right (OpenCV's own order varies with its thread
     * count, and face file names are numbered in this order).
     */
    public List<FaceBox> detect(Mat bgr) {
        try (Mat gray = new Mat(); Mat equalized = new Mat(); RectVector found = new RectVector();
             Size min = new Size(params.minSize(), params.minSize()); Size max = new Size()) {
            cvtColor(bgr, gray, COLOR_BGR2GRAY);
            equalizeHist(gray, equalized);
            classifier.detectMultiScale(equalized, found, params.scaleFactor(), params.minNeighbors(), 0, min, max);
            List<FaceBox> boxes = new ArrayList<>((int) found.size());
            for (long i = 0; i < found.size(); i++) {
                try (Rect r = found.get(i)) {
                    boxes.add(new FaceBox(r.x(), r.y(), r.width(), r.height()));
                }
            }
            boxes.sort(java.util.Comparator.comparingInt(FaceBox::y).thenComparingInt(FaceBox::x)
                    .thenComparingInt(FaceBox::w));
            return boxes;
        }
    }

    /** Faces in an image file, refused from its header when it has more than {@code maxPixels} pixels. */
    public List<FaceBox> detect(Path file, long maxPixels) throws BadImageException {
        try (Mat image = new ImageDecoder(maxPixels).decodeBgr(ImageDecoder.readFile(file))) {
            return detect(image);
        }
    }

    @Override
    public void close() {
        classifier.close();
    }
}
