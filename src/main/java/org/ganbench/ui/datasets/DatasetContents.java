package org.ganbench.ui.datasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.ganbench.dataset.FaceRejector;
import org.ganbench.dataset.DatasetFolder;
import org.ganbench.dataset.ManifestRow;

/** A dataset folder as the Datasets view shows it, read on a worker thread. */
record DatasetContents(List<Face> faces, int duplicates, int rejected, int sources) {

    static DatasetContents read(Path dataset) throws IOException {
        Path facesDir = dataset.resolve("faces");
        Set<String> present = new HashSet<>();
        if (Files.isDirectory(facesDir)) {
            try (Stream<Path> files = Files.list(facesDir)) {
                files.forEach(p -> present.add(p.getFileName().toString()));
            }
        }
        List<Face> faces = new ArrayList<>();
        Set<String> sources = new HashSet<>();
        int duplicates = 0;
        DatasetFolder folder = new DatasetFolder(dataset);
        for (ManifestRow e : folder.readFaces()) {
            // Rejected faces stay in the manifest; the gallery shows what is in faces/ now.
            if (present.contains(e.face())) {
                faces.add(new Face(e.face(), facesDir.resolve(e.face()), e.source(),
                        e.duplicateOf()));
                if (!e.source().isEmpty()) {
                    sources.add(e.source());
                }
                if (e.isDuplicate()) {
                    duplicates++;
                }
            }
        }
        return new DatasetContents(List.copyOf(faces), duplicates,
                new FaceRejector(dataset).rejectedFaces().size(), sources.size());
    }

    /**
     * The source image of a face: the manifest's source, relative to the folder the dataset was made from
     * ({@code "input"} in report.json).
     */
    static Path sourceOf(Path dataset, String source) throws IOException {
        if (source.isEmpty()) {
            throw new IOException("The manifest does not name a source image for this face.");
        }
        Path p = Path.of(source);
        if (!p.isAbsolute()) {
            Path input = new DatasetFolder(dataset).input().orElseThrow(() -> new IOException("report.json does not "
                    + "say which folder the dataset was made from, so the source " + source + " cannot be found."));
            p = input.resolve(source);
        }
        if (!Files.exists(p)) {
            throw new NoSuchFileException(p.toString(), null, "the source image is no longer there");
        }
        return p;
    }
}
