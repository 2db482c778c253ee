package org.ganbench.export;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.ganbench.common.AtomicFiles;
import org.ganbench.common.CancellationToken;
import org.ganbench.common.ProgressListener;
import org.ganbench.train.RunFolder;

/**
 * A run's saved sample grids ({@code samples/step_NNNNNN.png}) as a video: MP4 (H.264 through JavaCV's FFmpeg) or an
 * animated GIF (javax.imageio), one frame per grid, each labelled with its step. Written atomically.
 */
public final class RunTimelapse {
    /** Height of the band above each grid that holds the step label. */
    static final int LABEL_BAND = 22;

    public enum Format {
        MP4, GIF;

        /** The format a file name asks for (.mp4 or .gif). */
        public static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".mp4")) {
                return MP4;
            }
            if (name.endsWith(".gif")) {
                return GIF;
            }
            throw new IllegalArgumentException("a timelapse is written as .mp4 or .gif, not " + file.getFileName());
        }
    }

    private RunTimelapse() {
    }

    /** Writes the timelapse of {@code run} to {@code out} (format from its extension); returns the frame count. */
    public static int write(RunFolder run, Path out, int fps, ProgressListener progress, CancellationToken cancel)
            throws IOException {
        Format format = Format.of(out);
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException("frames per second must be between 1 and 60, was " + fps);
        }
        List<RunFolder.StepFile> grids = run.samples();
        if (grids.isEmpty()) {
            throw new IOException("the run has no sample grids yet: " + run.samplesDir());
        }
        Frames frames = new Frames(grids, progress, cancel);
        AtomicFiles.writeFile(out, tmp -> {
            if (format == Format.GIF) {
                writeGif(frames, tmp, fps);
            } else {
                writeMp4(frames, tmp, fps);
            }
        });
        return grids.size();
    }

    /** The labelled frames, read one at a time (a long run has hundreds of grids), with progress and cancellation. */
    private static final class Frames {
        private final List<RunFolder.StepFile> grids;
        private final ProgressListener progress;
        private final CancellationToken cancel;
        private final int width;
        private final int height;

        Frames(List<RunFolder.StepFile> grids, ProgressListener progress, CancellationToken cancel) throws IOException {
            this.grids = grids;
            this.progress = progress;
            this.cancel = cancel;
            BufferedImage first = read(grids.get(0));
            // H.264 in 4:2:0 needs even sides
            width = (first.getWidth() + 1) & ~1;
            height = (first.getHeight() + LABEL_BAND + 1) & ~1;
        }

        int count() {
            return grids.size();
        }

        /** Frame {@code i}: the grid under a band with its step, all frames the size of the first. */
        BufferedImage frame(int i, int imageType) throws IOException {
            cancel.throwIfCancelled();
            RunFolder.StepFile grid = grids.get(i);
            BufferedImage image = read(grid);
            BufferedImage frame = new BufferedImage(width, height, imageType);
            Graphics2D g = frame.createGraphics();
            try {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(image, 0, LABEL_BAND, width, height - LABEL_BAND, null);
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setColor(Color.BLACK);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
                FontMetrics m = g.getFontMetrics();
                String label = String.format(Locale.ROOT, "step %,d", grid.step());
                g.drawString(label, 6, (LABEL_BAND + m.getAscent() - m.getDescent()) / 2);
            } finally {
                g.dispose();
            }
            progress.progress(i + 1, grids.size(), "writing timelapse frames");
            return frame;
        }

        private static BufferedImage read(RunFolder.StepFile grid) throws IOException {
            BufferedImage image = ImageIO.read(grid.path().toFile());
            if (image == null) {
                throw new IOException("not a readable image: " + grid.path());
            }
            return image;
        }
    }

    private static void writeMp4(Frames frames, Path file, int fps) throws IOException {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR); // FFmpeg's per-stream chatter would bury the progress line
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), frames.width, frames.height, 0);
        recorder.setFormat("mp4"); // the temporary file's name does not say it
        recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(fps);
        recorder.setVideoBitrate(4_000_000); // sharp 64-pixel faces; a timelapse is short
        try (Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.start();
            for (int i = 0; i < frames.count(); i++) {
                recorder.record(converter.convert(frames.frame(i, BufferedImage.TYPE_3BYTE_BGR)));
            }
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IOException("FFmpeg could not write the MP4 (" + e.getMessage() + "): " + file, e);
        } finally {
            recorder.release();
        }
    }

    private static void writeGif(Frames frames, Path file, int fps) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            int delayCentiseconds = Math.max(1, Math.round(100f / fps));
            for (int i = 0; i < frames.count(); i++) {
                BufferedImage frame = frames.frame(i, BufferedImage.TYPE_INT_RGB);
                IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(frame), null);
                String formatName = metadata.getNativeMetadataFormatName();
                IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(formatName);
                IIOMetadataNode control = child(root, "GraphicControlExtension");
                control.setAttribute("disposalMethod", "none");
                control.setAttribute("userInputFlag", "FALSE");
                control.setAttribute("transparentColorFlag", "FALSE");
                control.setAttribute("delayTime", Integer.toString(delayCentiseconds));
                control.setAttribute("transparentColorIndex", "0");
                if (i == 0) {
                    // NETSCAPE2.0 application extension: loop for ever
                    IIOMetadataNode apps = child(root, "ApplicationExtensions");
                    IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
                    app.setAttribute("applicationID", "NETSCAPE");
                    app.setAttribute("authenticationCode", "2.0");
                    app.setUserObject(new byte[] {1, 0, 0});
                    apps.appendChild(app);
                }
                metadata.setFromTree(formatName, root);
                writer.writeToSequence(new IIOImage(frame, null, metadata), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (int i = 0; i < parent.getLength(); i++) {
            if (parent.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) parent.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        parent.appendChild(node);
        return node;
    }
}
