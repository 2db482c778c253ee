package org.ganbench.dataset;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.ganbench.SharedData;
import org.ganbench.common.Csv;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our detector with the README recipe finds the boxes that the Python/OpenCV reference found. */
class FaceDetectorParityTest {

    @ParameterizedTest
    @CsvSource({"illustrations, illustrations/reference_detections.csv",
            "faces/danbooru256, faces/danbooru256_reference_detections.csv"})
    void findsTheReferenceBoxes(String folder, String referenceCsv) throws Exception {
        Path dir = SharedData.path(folder);
        Map<String, List<FaceBox>> reference = readBoxes(SharedData.path(referenceCsv));
        SourceFiles files = SourceFiles.scan(dir, null);
        ImageDecoder decoder = new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS);
        int referenceBoxes = 0;
        int matched = 0;
        int extra = 0;
        List<String> misses = new ArrayList<>();
        try (FaceDetector detector = new FaceDetector(SharedData.cascade(), DetectionParams.RECIPE)) {
            for (Path file : files.files()) {
                String name = files.relative(file);
                List<FaceBox> found;
                try (Mat image = decoder.decodeBgr(ImageDecoder.readFile(file))) {
                    found = new ArrayList<>(detector.detect(image));
                }
                for (FaceBox want : reference.getOrDefault(name, List.of())) {
                    referenceBoxes++;
                    FaceBox best = found.stream().filter(b -> b.iou(want) >= 0.9).findFirst().orElse(null);
                    if (best != null) {
                        matched++;
                        found.remove(best);
                    } else {
                        misses.add(name + " " + want);
                    }
                }
                extra += found.size();
            }
        }
        assertTrue(referenceBoxes > 30, "reference lists " + referenceBoxes + " boxes");
        assertTrue(matched >= 0.95 * referenceBoxes, matched + " of " + referenceBoxes + " matched; missed " + misses);
        assertTrue(extra <= 0.05 * referenceBoxes, extra + " boxes not in the reference");
    }

    private static Map<String, List<FaceBox>> readBoxes(Path csv) throws Exception {
        Map<String, List<FaceBox>> boxes = new HashMap<>();
        List<List<String>> records = Csv.parse(Files.readString(csv));
        for (List<String> r : records.subList(1, records.size())) {
            boxes.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(new FaceBox(Integer.parseInt(r.get(1)),
                    Integer.parseInt(r.get(2)), Integer.parseInt(r.get(3)), Integer.parseInt(r.get(4))));
        }
        return boxes;
    }
}
