package org.ganbench.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.ganbench.train.MetricsRow;
import org.junit.jupiter.api.Test;

class LossCurvePlotTest {
    @Test
    void draganPenaltyHasItsOwnAxisSoTheLossesKeepTheirShape() throws Exception {
        List<MetricsRow> rows = new ArrayList<>();
        for (int s = 1; s <= 2000; s++) {
            double wave = Math.sin(s * 0.01);
            rows.add(new MetricsRow(s, s, 1.39 + 0.2 * wave, 0.69 - 0.2 * wave, 10 + 2 * wave, 0.5, 0.5, 1, 3));
        }
        BufferedImage image = LossCurvePlot.render(rows, 640, 320, "DRAGAN");
        Path shown = Path.of("target", "screenshots", "report-loss-curves.png");
        Files.createDirectories(shown.getParent());
        ImageIO.write(image, "png", shown.toFile());
        // With the penalty (8..12) on the losses' axis, D (1.19..1.59) would span a tenth of the plot's height.
        int plotHeight = 320 - 26 - 40;
        assertTrue(verticalSpan(image, 0x1f77b4) > plotHeight / 3, "D's curve spans " + verticalSpan(image, 0x1f77b4));
        assertTrue(verticalSpan(image, 0xd62728) > plotHeight / 3, "G's curve spans " + verticalSpan(image, 0xd62728));
        assertTrue(verticalSpan(image, 0x2ca02c) > plotHeight / 3, "the penalty spans its own axis");
    }

    private static int verticalSpan(BufferedImage image, int rgb) {
        int top = Integer.MAX_VALUE;
        int bottom = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 60; x < image.getWidth() - 60; x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        return bottom - top;
    }
}
