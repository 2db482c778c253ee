package org.ganbench.tools;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws GanBench's icon (a generated face on a grid of samples) and writes it as the PNG Linux uses, the .ico Windows
 * uses and the .icns macOS uses: {@code java -cp target/test-classes org.ganbench.tools.AppIcon assets}. The files
 * are committed; run this again only to change the drawing.
 */
public final class AppIcon {
    /** The sizes in the .ico (PNG entries, Windows Vista and later). */
    static final int[] ICO_SIZES = {16, 24, 32, 48, 64, 128, 256};
    /** The .icns entry types holding PNG data, and their sizes (macOS 10.7 and later). */
    static final String[] ICNS_TYPES = {"icp4", "icp5", "icp6", "ic07", "ic08", "ic09", "ic10"};
    static final int[] ICNS_SIZES = {16, 32, 64, 128, 256, 512, 1024};

    private AppIcon() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "assets");
        Files.createDirectories(dir);
        ImageIO.write(paint(256), "png", dir.resolve("GanBench.png").toFile());
        Files.write(dir.resolve("GanBench.ico"), ico());
        Files.write(dir.resolve("GanBench.icns"), icns());
        System.out.println("wrote GanBench.png, GanBench.ico, GanBench.icns in " + dir.toAbsolutePath());
    }

    /** The icon at {@code size} x {@code size} pixels, drawn on a 256-unit canvas scaled to fit. */
    static BufferedImage paint(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);

        g.setPaint(new GradientPaint(0, 0, new Color(0x3a2f6b), 256, 256, new Color(0x14233f)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));
        // the sample grid a training run shows, faint behind the face
        g.setColor(new Color(255, 255, 255, 40));
        g.setStroke(new BasicStroke(5));
        for (int i = 1; i < 3; i++) {
            g.drawLine(8 + 80 * i, 20, 8 + 80 * i, 236);
            g.drawLine(20, 8 + 80 * i, 236, 8 + 80 * i);
        }

        Color hair = new Color(0xf06292);
        g.setColor(hair);
        g.fill(new Ellipse2D.Double(40, 36, 176, 176));
        g.fillRect(40, 124, 36, 88);
        g.fillRect(180, 124, 36, 88);
        g.setColor(new Color(0xffe0cc));
        g.fill(new Ellipse2D.Double(62, 78, 132, 140));
        Path2D bangs = new Path2D.Double();
        bangs.moveTo(52, 128);
        bangs.curveTo(60, 60, 196, 60, 204, 128);
        bangs.lineTo(176, 100);
        bangs.lineTo(160, 126);
        bangs.lineTo(140, 96);
        bangs.lineTo(118, 126);
        bangs.lineTo(98, 98);
        bangs.lineTo(80, 128);
        bangs.closePath();
        g.setColor(hair);
        g.fill(bangs);

        for (int x : new int[] {92, 140}) {
            g.setColor(new Color(0x2e1a47));
            g.fill(new Ellipse2D.Double(x, 136, 26, 38));
            g.setColor(new Color(0x4fc3f7));
            g.fill(new Ellipse2D.Double(x + 4, 150, 18, 22));
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(x + 5, 141, 10, 10));
        }
        g.setColor(new Color(0xd9534f));
        g.setStroke(new BasicStroke(4, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawArc(118, 186, 20, 10, 200, 140);
        g.dispose();
        return image;
    }

    static byte[] png(int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(paint(size), "png", out);
        return out.toByteArray();
    }

    /** ICONDIR, one ICONDIRENTRY per size, then the PNG images (little-endian). */
    static byte[] ico() throws IOException {
        List<byte[]> images = new ArrayList<>();
        for (int size : ICO_SIZES) {
            images.add(png(size));
        }
        int offset = 6 + 16 * images.size();
        ByteBuffer header = ByteBuffer.allocate(offset).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 1).putShort((short) images.size());
        for (int i = 0; i < images.size(); i++) {
            int size = ICO_SIZES[i];
            header.put((byte) (size == 256 ? 0 : size)).put((byte) (size == 256 ? 0 : size)) // 0 means 256
                    .put((byte) 0).put((byte) 0).putShort((short) 1).putShort((short) 32)
                    .putInt(images.get(i).length).putInt(offset);
            offset += images.get(i).length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header.array());
        for (byte[] image : images) {
            out.write(image);
        }
        return out.toByteArray();
    }

    /** "icns", the file length, then per entry its type, its length (with the 8-byte entry header) and PNG data. */
    static byte[] icns() throws IOException {
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        for (int i = 0; i < ICNS_TYPES.length; i++) {
            byte[] image = png(ICNS_SIZES[i]);
            writeTypeAndLength(entries, ICNS_TYPES[i], image.length + 8);
            entries.write(image);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTypeAndLength(out, "icns", entries.size() + 8);
        entries.writeTo(out);
        return out.toByteArray();
    }

    private static void writeTypeAndLength(OutputStream out, String type, int length) throws IOException {
        out.write(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.write(ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt(length).array());
    }
}
