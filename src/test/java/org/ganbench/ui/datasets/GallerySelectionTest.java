package org.ganbench.ui.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ganbench.TestImages;
import org.ganbench.dataset.FaceRejector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gallery's selection and undo stack, driven without a window over a real dataset folder. */
class GallerySelectionTest {
    @TempDir
    Path dataset;

    private List<Face> faces(int n) throws IOException {
        List<Face> faces = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = String.format("%06d.png", i);
            Path file = dataset.resolve("faces").resolve(name);
            TestImages.writeFace(file, 64, 64, i);
            faces.add(new Face(name, file, "src" + i + ".png", i == 3 ? "000001.png" : ""));
        }
        return faces;
    }

    @Test
    void clicksSelectAloneTogglesAndRanges() throws IOException {
        GallerySelection s = new GallerySelection();
        s.show(faces(6));
        s.select(1, false, false);
        assertEquals(Set.of("000001.png"), s.selected());
        assertEquals("6 faces, 1 selected   000001.png from src1.png", s.status());
        s.select(4, false, true);
        assertEquals(Set.of("000001.png", "000002.png", "000003.png", "000004.png"), s.selected());
        s.select(2, true, false);
        assertFalse(s.selected().contains("000002.png"), "Ctrl+click takes a face out again");
        s.select(99, false, false);
        assertEquals(3, s.selected().size(), "a click outside the faces changes nothing");
        s.selectAll();
        assertEquals("6 faces, 6 selected", s.status());
        assertEquals(1, s.duplicatePairs().size());
        assertEquals("000003.png", s.duplicatePairs().get(0)[0].name());
    }

    @Test
    void theDuplicateLegendHasSomethingToExplainOnlyWhenADuplicateIsShown() throws IOException {
        GallerySelection s = new GallerySelection();
        assertFalse(s.showsDuplicates(), "no gallery (an empty workspace or dataset): no legend");
        s.show(faces(3));
        assertFalse(s.showsDuplicates(), "faces, none a duplicate");
        s.show(faces(4));
        assertTrue(s.showsDuplicates(), "face 3 duplicates face 1");
        s.select(3, false, false);
        s.rejectSelected(new FaceRejector(dataset));
        assertFalse(s.showsDuplicates(), "the duplicate rejected");
    }

    @Test
    void rejectAndUndoMoveFilesAndKeepAStack() throws IOException {
        GallerySelection s = new GallerySelection();
        s.show(faces(4));
        FaceRejector rejector = new FaceRejector(dataset);
        assertFalse(s.canUndo());
        s.select(0, false, false);
        s.rejectSelected(rejector);
        s.select(0, false, false); // now 000001.png
        s.rejectSelected(rejector);
        assertEquals(2, s.faces().size());
        assertTrue(s.selected().isEmpty());
        assertTrue(Files.exists(dataset.resolve("rejected/000000.png")));
        assertTrue(s.canUndo());

        s.undoReject(rejector);
        assertTrue(Files.exists(dataset.resolve("faces/000001.png")), "the last rejection comes back first");
        assertFalse(Files.exists(dataset.resolve("faces/000000.png")));
        s.undoReject(rejector);
        assertTrue(Files.exists(dataset.resolve("faces/000000.png")));
        assertFalse(s.canUndo());
    }
}
