package org.ganbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ganbench.common.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a dataset folder as the window does: the manifest by column name, a bare faces/ folder, naming. */
class DatasetFolderTest {
    private static final String HEADER = String.join(",", DatasetFolder.MANIFEST_HEADER);

    @TempDir
    Path dataset;

    @Test
    void readsColumnsByNameWithQuotedSourcesAndAppendedColumns() throws IOException {
        Files.writeString(dataset.resolve("manifest.csv"), HEADER + ",extra\n"
                + "f1.png,\"dir, with comma/x.jpg\",1,2,3,4,0,0,3,4,ab,,,e1\n"
                + "f2.png,y.jpg,1,2,3,4,0,0,3,4,cd,,f1.png,e2\n\n");
        List<ManifestRow> rows = new DatasetFolder(dataset).readFaces();
        assertEquals(2, rows.size());
        assertEquals(new ManifestRow("f1.png", "dir, with comma/x.jpg", new FaceBox(1, 2, 3, 4),
                new FaceBox(0, 0, 3, 4), "ab", "", ""), rows.get(0));
        assertFalse(rows.get(0).isDuplicate());
        assertEquals("f1.png", rows.get(1).duplicateOf());
        assertTrue(rows.get(1).isDuplicate());
    }

    @Test
    void withoutManifestListsTheFacesFolder() throws IOException {
        Files.createDirectories(dataset.resolve("faces"));
        Files.writeString(dataset.resolve("faces/b.png"), "");
        Files.writeString(dataset.resolve("faces/a.png"), "");
        Files.writeString(dataset.resolve("faces/notes.txt"), "");
        assertTrue(new DatasetFolder(dataset).isDataset());
        assertEquals(List.of("a.png", "b.png"),
                new DatasetFolder(dataset).readFaces().stream().map(ManifestRow::face).toList());
    }

    @Test
    void aFolderThatIsNoDatasetIsAClearError() {
        assertFalse(new DatasetFolder(dataset).isDataset());
        IOException e = assertThrows(IOException.class, () -> new DatasetFolder(dataset).readFaces());
        assertTrue(e.getMessage().contains("not a dataset"), e.getMessage());
    }

    @Test
    void csvQuotingRoundTrips() {
        String tricky = "a \"quoted\", name";
        assertEquals(List.of("x", tricky, ""), Csv.parseLine(Csv.line(List.of("x", tricky, "")).strip()));
    }

    @Test
    void aFolderAddedAgainGoesToItsOwnDatasetAnotherOfTheSameNameToANewOne() throws IOException {
        Path datasets = dataset.resolve("datasets");
        Path first = Files.createDirectories(dataset.resolve("a/faces"));
        Path second = Files.createDirectories(dataset.resolve("b/faces"));
        DatasetFolder target = DatasetFolder.forSource(datasets, first);
        assertEquals(datasets.resolve("faces"), target.root());
        Files.createDirectories(target.root());
        Files.writeString(target.report(), "{\"input\": \"" + first.toAbsolutePath() + "\"}");
        assertEquals(target, DatasetFolder.forSource(datasets, first));
        assertEquals(datasets.resolve("faces-2"), DatasetFolder.forSource(datasets, second).root());
    }
}
