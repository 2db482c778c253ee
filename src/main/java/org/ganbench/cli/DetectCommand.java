package org.ganbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.ganbench.common.Csv;
import org.ganbench.dataset.BadImageException;
import org.ganbench.dataset.FaceBox;
import org.ganbench.dataset.FaceDetector;
import org.ganbench.dataset.ImageDecoder;
import org.ganbench.dataset.SourceFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Detect anime faces in an image or in every image under a folder.")
final class DetectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE-OR-DIR")
    Path target;

    @Option(names = "--csv", description = "print CSV file,x,y,w,h (file relative to the argument), header first")
    boolean csv;

    @Option(names = "--max-pixels", defaultValue = "" + ImageDecoder.DEFAULT_MAX_PIXELS, paramLabel = "N",
            description = "refuse larger images before decoding them (default: ${DEFAULT-VALUE})")
    long maxPixels;

    @Mixin
    DetectionOptions detection;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SourceFiles sources = SourceFiles.scan(target, null);
        sources.failures().forEach(f -> err.println(f.source() + ": " + f.reason()));
        if (csv) {
            out.println("file,x,y,w,h");
        }
        int faces = 0;
        try (FaceDetector detector = new FaceDetector(detection.locateCascade(), detection.params())) {
            for (Path file : sources.files()) {
                String name = sources.relative(file);
                List<FaceBox> boxes;
                try {
                    boxes = detector.detect(file, maxPixels);
                } catch (BadImageException e) {
                    err.println(name + ": " + e.getMessage());
                    continue;
                }
                faces += boxes.size();
                if (csv) {
                    boxes.forEach(b -> out.print(Csv.line(List.of(name, Integer.toString(b.x()),
                            Integer.toString(b.y()), Integer.toString(b.w()), Integer.toString(b.h())))));
                } else {
                    out.println(name + ": " + boxes.size() + (boxes.size() == 1 ? " face" : " faces")
                            + boxes.stream().map(b -> " [" + b.x() + "," + b.y() + " " + b.w() + "x" + b.h() + "]")
                            .collect(Collectors.joining()));
                }
            }
        }
        if (!csv) {
            out.println(faces + " faces in " + sources.files().size() + " images");
        }
        out.flush();
        return 0;
    }
}
