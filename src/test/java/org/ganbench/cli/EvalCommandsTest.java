package org.ganbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalCommandsTest {
    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = GanBenchCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** {@code n} random blobs of odd sizes (not 64x64), so that loading has to resize them. */
    private static Path oddImages(Path dir, int n, long seed) throws IOException {
        Files.createDirectories(dir);
        Random rng = new Random(seed);
        for (int i = 0; i < n; i++) {
            BufferedImage img = new BufferedImage(37 + rng.nextInt(40), 45 + rng.nextInt(30), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(new Color(rng.nextInt(256), rng.nextInt(256), rng.nextInt(256)));
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            for (int k = 0; k < 6; k++) {
                g.setColor(new Color(rng.nextInt(256), rng.nextInt(256), rng.nextInt(256)));
                g.fillOval(rng.nextInt(40), rng.nextInt(40), 5 + rng.nextInt(30), 5 + rng.nextInt(30));
            }
            g.dispose();
            ImageIO.write(img, "png", dir.resolve(String.format("img%03d.png", i)).toFile());
        }
        return dir;
    }

    @Test
    void swdPrintsLevelsLikeTheReferenceAndNotesFewerImages(@TempDir Path tmp) throws IOException {
        Path a = oddImages(tmp.resolve("a"), 24, 1);
        Path b = oddImages(tmp.resolve("b"), 30, 2);
        Run r = run("eval", "swd", a.toString(), b.toString(), "--n", "100", "--seed", "3");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(4, lines.length, r.out());
        assertTrue(lines[0].matches("level0 \\d+\\.\\d\\d"), lines[0]);
        assertTrue(lines[3].matches("swd_mean \\d+\\.\\d\\d"), lines[3]);
        assertTrue(r.err().contains("note: using 24 images from each side"), r.err());
        assertTrue(r.err().contains("warning: SWD on 24 images per side means little: it needs at least 500"),
                r.err());
    }

    @Test
    void badFoldersGiveAClearError(@TempDir Path tmp) throws IOException {
        Run r = run("eval", "swd", tmp.resolve("missing").toString(), tmp.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("not a folder"), r.err());
        Files.createDirectories(tmp.resolve("empty"));
        Run empty = run("eval", "dirs", tmp.resolve("empty").toString(), tmp.resolve("empty").toString());
        assertEquals(1, empty.code());
        assertTrue(empty.err().contains("no face images"), empty.err());
    }

    @Test
    void synthThenEvalDirsWritesEveryMetric(@TempDir Path tmp) throws IOException {
        Path dataset = tmp.resolve("datasets/demo");
        Run synth = run("synth", "--dataset", dataset.toString(), "--n", "300", "--seed", "4");
        assertEquals(0, synth.code(), synth.err());
        assertTrue(Files.isRegularFile(dataset.resolve("manifest.csv")));

        Run again = run("synth", "--dataset", dataset.toString(), "--n", "10");
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists"), again.err());

        Path generated = oddImages(tmp.resolve("generated"), 40, 5);
        Path out = tmp.resolve("eval");
        Run eval = run("eval", "dirs", generated.toString(), dataset.toString(), "--n", "64", "--out", out.toString());
        assertEquals(0, eval.code(), eval.err());
        assertFalse(eval.out().contains("NaN"), eval.out());
        assertTrue(eval.out().contains("modes_covered "), eval.out());

        JsonNode json = new ObjectMapper().readTree(out.resolve("eval.json").toFile());
        assertEquals(40, json.get("swd").get("images").asInt());
        assertEquals(3, json.get("swd").get("levels").size());
        assertTrue(json.get("ms_ssim").get("generated").get("pairs").asInt() > 0);
        for (String key : new String[] {"frechet_distance", "kid", "precision", "recall", "density", "coverage"}) {
            assertTrue(json.get("random_features").get(key).isNumber(), key);
        }
        assertEquals(40, json.get("memorisation").get("generated").asInt());
        assertEquals(300, json.get("memorisation").get("training_faces").asInt());
        assertEquals(40, json.get("birthday").get("samples").asInt());
        // 40 faces a side are too few for every figure but memorisation's search over 300 training faces
        assertTrue(json.get("swd").get("warning").asText().contains("needs at least 500"), json.toString());
        assertTrue(json.get("birthday").has("warning"));
        assertFalse(json.get("memorisation").has("warning"));
        assertEquals(4, json.get("warnings").size(), json.get("warnings").toString());
        assertTrue(eval.err().contains("warning: SWD on 40 images per side"), eval.err());
        // 40 real faces drawn uniformly over 64 modes cover about 30 of them; blobs land in whatever mode is nearest.
        assertEquals(40, json.get("modes").get("real").get("samples").asInt());
        assertTrue(json.get("modes").get("real").get("modes_covered").asInt() > 20);
        assertTrue(json.get("note").asText().contains("40"));
        assertTrue(Files.size(out.resolve("nearest_training.png")) > 0);
        assertTrue(Files.size(out.resolve("birthday_pairs.png")) > 0);
    }
}
