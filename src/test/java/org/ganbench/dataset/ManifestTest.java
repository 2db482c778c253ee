package org.ganbench.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
    @TempDir
    Path dataset;

    @Test
    void readsColumnsByNameWithQuotedSourcesAndAppendedColumns() throws IOException {
        Files.writeString(dataset.resolve("manifest.csv"), Manifest.HEADER + ",extra\n"
                + "f1.png,\"dir, with comma/x.jpg\",1,2,3,4,0,0,3,4,ab,,,e1\n"
                + "f2.png,y.jpg,1,2,3,4,0,0,3,4,cd,,f1.png,e2\n\n");
        List<Manifest.Entry> entries = Manifest.read(dataset);
        assertEquals(2, entries.size());
        assertEquals(new Manifest.Entry("f1.png", "dir, with comma/x.jpg", ""), entries.get(0));
        assertFalse(entries.get(0).isDuplicate());
        assertEquals("f1.png", entries.get(1).duplicateOf());
        assertTrue(entries.get(1).isDuplicate());
    }

    @Test
    void withoutManifestListsTheFacesFolder() throws IOException {
        Files.createDirectories(dataset.resolve("faces"));
        Files.writeString(dataset.resolve("faces/b.png"), "");
        Files.writeString(dataset.resolve("faces/a.png"), "");
        Files.writeString(dataset.resolve("faces/notes.txt"), "");
        assertEquals(List.of("a.png", "b.png"), Manifest.read(dataset).stream().map(Manifest.Entry::face).toList());
    }

    @Test
    void aFolderThatIsNoDatasetIsAClearError() {
        IOException e = assertThrows(IOException.class, () -> Manifest.read(dataset));
        assertTrue(e.getMessage().contains("not a dataset"), e.getMessage());
    }

    @Test
    void csvQuotingRoundTrips() {
        String tricky = "a \"quoted\", name";
        assertEquals(List.of("x", tricky, ""), Manifest.splitCsvLine("x," + Manifest.csvField(tricky) + ","));
    }
}
