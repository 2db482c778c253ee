package org.ganbench.ui.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ganbench.dataset.CropResult;
import org.ganbench.dataset.SourceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the end of a crop or import says, from the job's result. */
class ImportSummaryTest {
    @TempDir
    Path tmp;

    @Test
    void aCropSaysEveryOutcomeAndEachFailedFileWithItsReason() throws Exception {
        Path dataset = Files.createDirectories(tmp.resolve("datasets/pixiv"));
        CropResult r = new CropResult(dataset, 12, 11, 0, 1234, 5, 3, 2,
                List.of(new SourceFiles.Failure("bad.png", "not an image")), false, 4.2);
        ImportSummary s = ImportSummary.of(r, true);
        assertEquals("Cropped 1,234 faces into “pixiv”, 1 file failed", s.headline());
        assertTrue(s.details().contains("12 images found, 11 read"), s.details());
        assertTrue(s.details().contains("2 images without a face"), s.details());
        assertTrue(s.details().contains("5 near-duplicates"), s.details());
        assertTrue(s.details().contains("3 faces below the minimum size skipped"), s.details());
        assertTrue(s.details().contains("1 file failed"), s.details());
        assertEquals(List.of("bad.png: not an image"), s.failures());
        assertEquals(dataset.resolve("report.json"), s.report());
        assertEquals(ImportSummary.Outcome.SOME_FAILED, s.outcome(), "a warning, not done");
    }

    @Test
    void aCropWithoutFacesSaysSoAndThatNoDatasetWasMade() {
        CropResult r = new CropResult(tmp.resolve("datasets/landscapes"), 3, 3, 0, 0, 0, 0, 3, List.of(), false, 1);
        ImportSummary s = ImportSummary.of(r, true);
        assertEquals(ImportSummary.Outcome.NO_FACES, s.outcome());
        assertEquals("No face was found in the 3 images of “landscapes”", s.headline());
        assertTrue(s.details().startsWith("No dataset was made."), s.details());
        assertNull(s.report(), "no report to open: the folder is gone");
    }

    @Test
    void anImportHasNoImagesWithoutFacesLine() throws Exception {
        Path dataset = Files.createDirectories(tmp.resolve("datasets/faces"));
        ImportSummary s = ImportSummary.of(new CropResult(dataset, 1, 1, 0, 1, 0, 0, 0, List.of(), false, 1), false);
        assertEquals("Imported 1 face into “faces”", s.headline());
        assertFalse(s.details().contains("without a face"), s.details());
        assertTrue(s.details().contains("no file failed"), s.details());
        assertEquals(ImportSummary.Outcome.DONE, s.outcome());
    }
}
