package org.ganbench.dataset;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The image files under a folder (JPEG, PNG, WebP, BMP, GIF by extension), recursively and following symbolic
 * links, sorted by relative path. Entries that cannot be visited (a symbolic-link loop, an unreadable folder) are
 * reported with their reason instead of stopping the walk.
 */
public record SourceFiles(Path root, List<Path> files, List<Failure> failures) {
    private static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "jpe", "png", "webp", "bmp", "gif");

    /** A path that could not be used, and why. */
    public record Failure(String source, String reason) {
    }

    /** The image files under {@code root} (or {@code root} itself when it is a file), skipping {@code exclude}. */
    public static SourceFiles scan(Path root, Path exclude) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        if (Files.isRegularFile(base)) {
            return new SourceFiles(base.getParent(), List.of(base), List.of());
        }
        if (!Files.isDirectory(base)) {
            throw new IOException("no such folder: " + root);
        }
        Path skip = exclude == null ? null : exclude.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        Files.walkFileTree(base, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return dir.equals(skip) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && isImageName(file)) {
                    files.add(file);
                } else if (attrs.isSymbolicLink()) {
                    // The walk hands over the link itself only when it cannot be followed.
                    failures.add(new Failure(relative(base, file), unfollowableLink(file)));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                String reason = e instanceof FileSystemLoopException
                        || String.valueOf(e.getMessage()).contains("Too many levels of symbolic links")
                        ? "symbolic link loop: skipped" : "cannot visit: " + DatasetFolder.describe(e);
                failures.add(new Failure(relative(base, file), reason));
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(p -> relative(base, p)));
        return new SourceFiles(base, List.copyOf(files), List.copyOf(failures));
    }

    private static String unfollowableLink(Path link) {
        try {
            Files.readAttributes(link, BasicFileAttributes.class);
            return "symbolic link cannot be followed";
        } catch (java.nio.file.NoSuchFileException e) {
            return "broken symbolic link: its target does not exist";
        } catch (IOException e) {
            return String.valueOf(e.getMessage()).contains("Too many levels of symbolic links")
                    ? "symbolic link loop: skipped" : "symbolic link cannot be followed: " + DatasetFolder.describe(e);
        }
    }

    /** {@code file} relative to the root, with '/' separators, as manifests and reports name it. */
    public String relative(Path file) {
        return relative(root, file);
    }

    static String relative(Path base, Path file) {
        return base.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    static boolean isImageName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }
}
