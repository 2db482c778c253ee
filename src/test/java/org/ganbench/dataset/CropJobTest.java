package org.ganbench.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.ganbench.SharedData;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.Csv;
import org.ganbench.common.ProgressListener;
import org.ganbench.common.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cropping a folder of illustrations into a dataset, re-running it, cancelling it, and loading the result. */
class CropJobTest {
    // Small illustrations with 1, 2 and 4 reference faces; hysts_input.jpg (3072 px) is left to the parity test.
    private static final Map<String, Integer> SOURCES = Map.of("jonathonyan_detect_03.jpg", 1,
            "jonathonyan_sample1.jpg", 2, "jonathonyan_detect_01.jpg", 4, "xavierjiezou_5.jpg", 1);

    @TempDir
    Path tmp;

    /** Links (never copies) the shared illustrations into a fresh input folder, one in a sub-folder. */
    private Path input() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in.resolve("sub dir"));
        for (String name : SOURCES.keySet()) {
            Path link = name.startsWith("xavier") ? in.resolve("sub dir").resolve(name) : in.resolve(name);
            Files.createSymbolicLink(link, SharedData.path("illustrations/" + name).toAbsolutePath());
        }
        return in;
    }

    private static CropJob.Options options(int threads) {
        return new CropJob.Options(0.25, 0, 64, threads, CropJob.Options.DEFAULT_DUPLICATE_THRESHOLD, ImageDecoder.DEFAULT_MAX_PIXELS, DetectionParams.RECIPE);
    }

    private static Map<String, byte[]> hashes(Path dir) throws Exception {
        Map<String, byte[]> out = new HashMap<>();
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Sha256.hex(Files.readAllBytes(p)).getBytes());
            }
        }
        return out;
    }

    @Test
    void cropsEveryFaceWritesManifestAndReportAndSkipsDoneSourcesOnReRun() throws Exception {
        Path in = input();
        Path shared = SharedData.path("illustrations");
        Map<String, byte[]> sourcesBefore = hashes(shared);
        Path ds = tmp.resolve("datasets/demo");
        CropResult first = CropJob.detectFaces(in, ds, SharedData.cascade(), options(2))
                .run(ProgressListener.NONE, new CancellationToken());

        int expectedFaces = SOURCES.values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(4, first.imagesFound());
        assertEquals(4, first.imagesRead());
        assertEquals(expectedFaces, first.facesWritten());
        assertTrue(first.failures().isEmpty(), first.failures().toString());
        DatasetFolder folder = new DatasetFolder(ds);
        List<ManifestRow> rows = folder.readManifest();
        assertEquals(expectedFaces, rows.size());
        assertEquals(DatasetFolder.MANIFEST_HEADER, Csv.parse(Files.readString(folder.manifest())).get(0));
        Set<String> sourcesSeen = new HashSet<>();
        for (ManifestRow row : rows) {
            sourcesSeen.add(row.source());
            BufferedImage face = ImageIO.read(folder.faces().resolve(row.face()).toFile());
            assertEquals(64, face.getWidth());
            assertEquals(64, face.getHeight());
            // margin 0.25 on each side of the (square) detector box, around the same centre
            FaceBox d = row.detection();
            FaceBox c = row.crop();
            assertEquals(Math.round(d.w() * 1.5), c.w());
            assertEquals(c.w(), c.h());
            assertTrue(Math.abs((c.x() + c.w() / 2.0) - (d.x() + d.w() / 2.0)) <= 1);
            assertEquals(16, row.phash().length());
            String sha = Sha256.hex(Files.readAllBytes(in.resolve(row.source())));
            assertEquals(sha, row.sourceSha256());
        }
        assertTrue(sourcesSeen.contains("sub dir/xavierjiezou_5.jpg"), sourcesSeen.toString());
        JsonNode report = new ObjectMapper().readTree(folder.report().toFile());
        assertEquals(expectedFaces, report.get("faces_written").asInt());
        assertEquals(0, report.get("failures").size());

        String manifestBefore = Files.readString(folder.manifest());
        CropResult again = CropJob.detectFaces(in, ds, SharedData.cascade(), options(2))
                .run(ProgressListener.NONE, new CancellationToken());
        assertEquals(4, again.alreadyDone());
        assertEquals(0, again.imagesRead());
        assertEquals(0, again.facesWritten());
        assertEquals(manifestBefore, Files.readString(folder.manifest()));
        Map<String, byte[]> sourcesAfter = hashes(shared);
        assertEquals(sourcesBefore.keySet(), sourcesAfter.keySet());
        sourcesBefore.forEach((k, v) -> assertArrayEquals(v, sourcesAfter.get(k), "source changed: " + k));
    }

    @Test
    void cancelledRunKeepsAConsistentManifestAndTheResumeMatchesAnUninterruptedRun() throws Exception {
        Path in = input();
        Path interrupted = tmp.resolve("interrupted");
        CancellationToken cancel = new CancellationToken();
        CropResult partial = CropJob.detectFaces(in, interrupted, SharedData.cascade(), options(1))
                .run((done, total, message) -> cancel.cancel(), cancel);
        assertTrue(partial.cancelled());
        assertTrue(partial.imagesRead() < 4, "cancel after the first image stops the run: " + partial.imagesRead());
        DatasetFolder folder = new DatasetFolder(interrupted);
        for (ManifestRow row : folder.readManifest()) {
            assertTrue(Files.isRegularFile(folder.faces().resolve(row.face())), row.face());
        }
        CropResult rest = CropJob.detectFaces(in, interrupted, SharedData.cascade(), options(2))
                .run(ProgressListener.NONE, new CancellationToken());
        assertFalse(rest.cancelled());
        assertEquals(4, rest.imagesRead() + rest.alreadyDone());

        Path whole = tmp.resolve("whole");
        CropJob.detectFaces(in, whole, SharedData.cascade(), options(2)).run(ProgressListener.NONE,
                new CancellationToken());
        Set<ManifestRow> resumed = new HashSet<>(folder.readManifest());
        assertEquals(new HashSet<>(new DatasetFolder(whole).readManifest()), resumed);
    }

    @Test
    void oneWorkerWithOpenCvThreadsAndThreeWorkersWithoutGiveTheSameDataset() throws Exception {
        Path in = input();
        int openCvThreads = org.bytedeco.opencv.global.opencv_core.getNumThreads();
        Path one = tmp.resolve("one");
        Path three = tmp.resolve("three");
        CropJob.detectFaces(in, one, SharedData.cascade(), options(1)).run(ProgressListener.NONE,
                new CancellationToken());
        CropJob.detectFaces(in, three, SharedData.cascade(), options(3)).run(ProgressListener.NONE,
                new CancellationToken());
        assertEquals(openCvThreads, org.bytedeco.opencv.global.opencv_core.getNumThreads(), "OpenCV's threads restored");
        assertEquals(Files.readString(new DatasetFolder(one).manifest()),
                Files.readString(new DatasetFolder(three).manifest()));
        Map<String, byte[]> facesOne = hashes(new DatasetFolder(one).faces());
        Map<String, byte[]> facesThree = hashes(new DatasetFolder(three).faces());
        assertEquals(facesOne.keySet(), facesThree.keySet());
        facesOne.forEach((k, v) -> assertArrayEquals(v, facesThree.get(k), k));
    }

    @Test
    void aDatasetKeepsOneFaceSize() throws Exception {
        Path in = input();
        Path ds = tmp.resolve("sized");
        CropJob.detectFaces(in, ds, SharedData.cascade(), options(2)).run(ProgressListener.NONE, new CancellationToken());
        CropJob.Options other = new CropJob.Options(0.25, 0, 32, 2, CropJob.Options.DEFAULT_DUPLICATE_THRESHOLD,
                ImageDecoder.DEFAULT_MAX_PIXELS, DetectionParams.RECIPE);
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> CropJob.detectFaces(in, ds, SharedData.cascade(), other)
                        .run(ProgressListener.NONE, new CancellationToken()));
        assertTrue(e.getMessage().contains("holds 64 px faces") && e.getMessage().contains("--size 64"), e.getMessage());
    }

    @Test
    void progressReportsFacesPerSecond() throws Exception {
        Path in = input();
        List<String> messages = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        CropJob.detectFaces(in, tmp.resolve("p"), SharedData.cascade(), options(2))
                .run((done, total, message) -> messages.add(done + "/" + total + " " + message), new CancellationToken());
        assertEquals(4, messages.size());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("4/4 ") && m.contains("faces/s")), messages.toString());
    }

    @Test
    void minFaceSkipsAndCountsSmallFaces() throws Exception {
        Path in = input();
        CropJob.Options big = new CropJob.Options(0.25, 150, 64, 2, CropJob.Options.DEFAULT_DUPLICATE_THRESHOLD, ImageDecoder.DEFAULT_MAX_PIXELS,
                DetectionParams.RECIPE);
        CropResult r = CropJob.detectFaces(in, tmp.resolve("big"), SharedData.cascade(), big)
                .run(ProgressListener.NONE, new CancellationToken());
        // reference boxes: 84, 126, 143, 117, 163, 98, 94, 217 px: two are at least 150
        assertEquals(2, r.facesWritten());
        assertEquals(6, r.skippedSmall());
    }
}
