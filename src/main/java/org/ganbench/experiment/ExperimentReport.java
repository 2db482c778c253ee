package org.ganbench.experiment;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.ganbench.common.AtomicFiles;
import org.ganbench.common.Images;
import org.ganbench.eval.EvalFigures;
import org.ganbench.eval.LossCurvePlot;
import org.ganbench.experiment.Experiment.Cell;
import org.ganbench.train.RunFolder;

/**
 * An experiment's report, written from its run folders: {@code report.png} (one picture: a panel per cell, algorithms
 * in rows and datasets in columns, each with the run's newest 5x5 grid, its loss curves and its figures) and
 * {@code report.html} (the same grids and curves as PNGs in {@code report/} beside it, and a table of the figures;
 * the folder is self-contained, with relative links).
 */
public final class ExperimentReport {
    public static final String PNG = "report.png";
    public static final String HTML = "report.html";
    /** The pictures report.html shows. */
    public static final String IMAGES = "report";
    /** The figures of eval.json a report shows: label, dotted name (see EvalFigures). */
    static final List<String[]> FIGURES = List.of(
            new String[] {"SWD (mean)", "swd.mean"},
            new String[] {"MS-SSIM generated", "ms_ssim.generated.mean"},
            new String[] {"MS-SSIM real", "ms_ssim.real.mean"},
            new String[] {"copied samples (share)", "memorisation.copied_fraction"},
            new String[] {"evaluated at step", "checkpoint_step"});
    private static final int PANEL = 340;
    private static final int TILE = 320;
    private static final int CURVE_HEIGHT = 200;
    private static final int LINE = 15;

    /** What the report shows of one cell. */
    private record CellView(Cell cell, RunFolder run, Path grid, Long gridStep, Map<String, String> figures,
                            String state) {
    }

    private ExperimentReport() {
    }

    /** Writes report.png, report.html and report/ from what the cells' run folders hold now. */
    public static void write(Experiment experiment) throws IOException {
        List<CellView> views = new ArrayList<>();
        for (Cell cell : experiment.cells()) {
            views.add(view(experiment, cell));
        }
        Path images = experiment.dir().resolve(IMAGES);
        Files.createDirectories(images);
        for (CellView v : views) {
            String name = runName(v.cell());
            if (v.grid() != null) {
                AtomicFiles.write(images.resolve(name + "-grid.png"), out -> Files.copy(v.grid(), out));
            }
            LossCurvePlot.write(v.run().metrics(), 640, 320, v.cell().label() + " - losses",
                    images.resolve(name + "-curves.png"));
        }
        Images.writePng(picture(experiment, views), experiment.dir().resolve(PNG));
        AtomicFiles.writeString(experiment.dir().resolve(HTML), html(experiment, views));
    }

    private static CellView view(Experiment experiment, Cell cell) throws IOException {
        RunFolder run = new RunFolder(experiment.runDir(cell));
        var samples = run.samplesByStep();
        var newest = samples.isEmpty() ? null : samples.lastEntry();
        String state = cell.state().name().toLowerCase(Locale.ROOT)
                + (cell.message().isEmpty() ? "" : ": " + cell.message());
        return new CellView(cell, run, newest == null ? null : newest.getValue(),
                newest == null ? null : newest.getKey(), EvalFigures.read(run.evalFile()), state);
    }

    private static String runName(Cell cell) {
        return Path.of(cell.run()).getFileName().toString();
    }

    private static BufferedImage picture(Experiment experiment, List<CellView> views) throws IOException {
        int cols = experiment.plan().datasets().size();
        int rows = experiment.plan().algorithms().size();
        int panelHeight = 24 + TILE + 8 + CURVE_HEIGHT + 8 + LINE * (FIGURES.size() + 1) + 8;
        int header = 34;
        BufferedImage image = new BufferedImage(cols * PANEL + 10, header + rows * panelHeight,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title(experiment), 10, 22);
            for (int i = 0; i < views.size(); i++) {
                int x = 10 + (i % cols) * PANEL;
                int y = header + (i / cols) * panelHeight;
                panel(g, views.get(i), x, y);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void panel(Graphics2D g, CellView v, int x, int y) throws IOException {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(v.cell().label(), x, y + 16);
        int top = y + 24;
        BufferedImage grid = v.grid() == null ? null : ImageIO.read(v.grid().toFile());
        if (grid != null) {
            g.drawImage(grid, x, top, TILE, TILE * grid.getHeight() / grid.getWidth(), null);
        } else {
            g.setColor(new Color(0xeeeeee));
            g.fillRect(x, top, TILE, TILE);
            g.setColor(Color.GRAY);
            g.drawString("no sample grid yet", x + 100, top + TILE / 2);
        }
        top += TILE + 8;
        g.drawImage(LossCurvePlot.render(v.run().metrics(), TILE, CURVE_HEIGHT, "losses"), x, top, null);
        top += CURVE_HEIGHT + 8;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.DARK_GRAY);
        g.drawString(fit(g, v.state() + (v.gridStep() == null ? "" : ", grid of step " + v.gridStep())), x, top + 11);
        for (String[] f : FIGURES) {
            top += LINE;
            g.drawString(fit(g, f[0] + ": " + v.figures().getOrDefault(f[1], "-")), x, top + 11);
        }
    }

    /** The text cut to the panel's width (a long failure message; experiment.json has it whole). */
    private static String fit(Graphics2D g, String text) {
        var fm = g.getFontMetrics();
        if (fm.stringWidth(text) <= TILE) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && fm.stringWidth(cut + "…") > TILE) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    private static String title(Experiment experiment) {
        Experiment.Plan p = experiment.plan();
        return String.format(Locale.ROOT, "Experiment %s: %,d steps, ch %d, batch %d, seed %d", experiment.id(),
                p.steps(), p.ch(), p.batch(), p.seed());
    }

    private static String html(Experiment experiment, List<CellView> views) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(escape(experiment.id())).append("</title>\n<style>body{font-family:sans-serif;margin:1em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
                        + "td:first-child,th:first-child{text-align:left}.cells{display:grid;grid-template-columns:"
                        + "repeat(" + experiment.plan().datasets().size() + ",auto);gap:16px;justify-content:start}"
                        + ".cell img{display:block;width:320px;image-rendering:pixelated}</style></head><body>\n")
                .append("<h1>").append(escape(title(experiment))).append("</h1>\n")
                .append("<p>The whole report as one picture: <a href=\"").append(PNG).append("\">").append(PNG)
                .append("</a>. Plan and cell states: <a href=\"").append(Experiment.FILE).append("\">")
                .append(Experiment.FILE).append("</a>.</p>\n<h2>Figures</h2>\n<table><tr><th>cell</th><th>state</th>");
        for (String[] f : FIGURES) {
            h.append("<th>").append(escape(f[0])).append("</th>");
        }
        h.append("</tr>\n");
        for (CellView v : views) {
            h.append("<tr><td>").append(escape(v.cell().label())).append("</td><td>").append(escape(v.state()))
                    .append("</td>");
            for (String[] f : FIGURES) {
                h.append("<td>").append(escape(v.figures().getOrDefault(f[1], "-"))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n<h2>Samples and losses</h2>\n<div class=\"cells\">\n");
        for (CellView v : views) {
            String name = runName(v.cell());
            h.append("<div class=\"cell\"><h3>").append(escape(v.cell().label())).append("</h3>");
            if (v.grid() != null) {
                h.append("<img src=\"").append(IMAGES).append('/').append(escape(name)).append("-grid.png\" alt=\"")
                        .append("5x5 samples at step ").append(v.gridStep()).append("\">");
            } else {
                h.append("<p>no sample grid yet</p>");
            }
            h.append("<img src=\"").append(IMAGES).append('/').append(escape(name))
                    .append("-curves.png\" alt=\"loss curves\"></div>\n");
        }
        return h.append("</div>\n</body></html>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
