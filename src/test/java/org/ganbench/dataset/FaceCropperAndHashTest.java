package org.ganbench.dataset;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class FaceCropperAndHashTest {

    @Test
    void cropBoxWidensByTheMarginOnEachSideAroundTheCentre() {
        FaceCropper cropper = new FaceCropper(0.25, 64);
        assertEquals(new FaceBox(75, 175, 150, 150), cropper.cropBox(new FaceBox(100, 200, 100, 100)));
        assertEquals(new FaceBox(-10, -10, 40, 40), new FaceCropper(0.5, 64).cropBox(new FaceBox(0, 0, 20, 20)));
    }

    @Test
    void regionsOutsideTheImageArePaddedWithTheEdgeColour() {
        // Left half red, right half blue (BGR); a crop reaching 20 px past the top-left corner.
        try (Mat img = new Mat(100, 100, CV_8UC3, new Scalar(0, 0, 255, 0));
             Rect right = new Rect(50, 0, 50, 100); Mat half = img.apply(right)) {
            half.put(new Scalar(255, 0, 0, 0));
            FaceCropper cropper = new FaceCropper(0, 40);
            try (Mat face = cropper.crop(img, new FaceBox(-20, -20, 40, 40))) {
                assertEquals(40, face.cols());
                assertEquals(40, face.rows());
                byte[] px = new byte[3];
                face.ptr(0, 0).get(px); // padding beyond the corner repeats the corner pixel
                assertEquals(255, px[2] & 0xFF);
                assertEquals(0, px[0] & 0xFF);
            }
            try (Mat face = cropper.crop(img, new FaceBox(80, 40, 40, 40))) {
                byte[] px = new byte[3];
                face.ptr(20, 39).get(px); // beyond the right edge: the edge's blue
                assertEquals(255, px[0] & 0xFF);
            }
        }
    }

    @Test
    void perceptualHashIsCloseForSmallChangesAndFarForDifferentPictures() {
        Random random = new Random(7);
        byte[] a = new byte[32 * 32];
        byte[] b = new byte[32 * 32];
        for (int i = 0; i < a.length; i++) {
            a[i] = (byte) random.nextInt(256);
            b[i] = (byte) random.nextInt(256);
        }
        byte[] brighter = a.clone();
        byte[] noisy = a.clone();
        for (int i = 0; i < a.length; i++) {
            brighter[i] = (byte) Math.min(255, (a[i] & 0xFF) + 10);
            noisy[i] = (byte) Math.max(0, Math.min(255, (a[i] & 0xFF) + random.nextInt(7) - 3));
        }
        long ha = PerceptualHash.of(a);
        assertEquals(0, PerceptualHash.distance(ha, PerceptualHash.of(a.clone())));
        assertTrue(PerceptualHash.distance(ha, PerceptualHash.of(brighter)) <= 4);
        assertTrue(PerceptualHash.distance(ha, PerceptualHash.of(noisy)) <= 6);
        assertTrue(PerceptualHash.distance(ha, PerceptualHash.of(b)) > 16);
        assertEquals(ha, PerceptualHash.fromHex(PerceptualHash.toHex(ha)));
    }
}
