package org.ganbench.dataset;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ganbench.common.UserDirs;
import org.ganbench.common.UserSettings;
import org.ganbench.common.Workspace;

/**
 * Finds lbpcascade_animeface.xml: the path the user gave, else the {@code cascade} setting in the user's settings file,
 * else {@code assets/} in the workspace root and next to the application jar, else the user cache (where
 * {@link CascadeFetcher} puts it). Used by the command line and the window alike.
 */
public final class CascadeLocator {
    public static final String FILE_NAME = "lbpcascade_animeface.xml";
    public static final String SETTING = "cascade";

    private final UserDirs userDirs;
    private final Path workspaceRoot;
    private final Path appDir;

    /** {@code appDir} is the folder holding the application jar, or null when not run from a jar. */
    public CascadeLocator(UserDirs userDirs, Path workspaceRoot, Path appDir) {
        this.userDirs = userDirs;
        this.workspaceRoot = workspaceRoot;
        this.appDir = appDir;
    }

    /** The locator for this process: the real user folders, the current workspace and the running jar. */
    public static CascadeLocator standard() {
        return forWorkspace(Workspace.current().root());
    }

    /** The locator over the real user folders and the running jar, for the workspace at {@code root}. */
    public static CascadeLocator forWorkspace(Path root) {
        return new CascadeLocator(UserDirs.fromEnvironment(), root, applicationDir());
    }

    /** Where {@code ganbench fetch-cascade} stores the cascade. */
    public Path cacheFile() {
        return userDirs.cache().resolve(FILE_NAME);
    }

    /** One place looked at, with why it was looked at. */
    public record Candidate(String origin, Path path) {
        @Override
        public String toString() {
            return path + " (" + origin + ")";
        }
    }

    /** The places looked at, in order, for a cascade given explicitly ({@code explicit}, may be null) or not. */
    public List<Candidate> candidates(Path explicit) throws IOException {
        List<Candidate> out = new ArrayList<>();
        if (explicit != null) {
            out.add(new Candidate("--cascade", explicit));
            return out;
        }
        UserSettings settings = new UserSettings(userDirs.settingsFile());
        Optional<String> setting = settings.get(SETTING);
        setting.ifPresent(value -> out.add(new Candidate("setting '" + SETTING + "' in " + settings.file(),
                Path.of(value))));
        out.add(new Candidate("workspace assets", workspaceRoot.resolve("assets").resolve(FILE_NAME)));
        if (appDir != null) {
            out.add(new Candidate("assets next to the application", appDir.resolve("assets").resolve(FILE_NAME)));
        }
        out.add(new Candidate("user cache", cacheFile()));
        return out;
    }

    /** The first candidate that is a readable file, or an error that lists every place looked at. */
    public Path locate(Path explicit) throws IOException {
        List<Candidate> candidates = candidates(explicit);
        for (Candidate c : candidates) {
            if (Files.isRegularFile(c.path()) && Files.isReadable(c.path())) {
                return c.path();
            }
        }
        StringBuilder msg = new StringBuilder("the anime-face cascade (" + FILE_NAME + ") was not found. Looked at:");
        for (Candidate c : candidates) {
            msg.append("\n  ").append(c);
        }
        msg.append("\nRun `ganbench fetch-cascade` to download it into ").append(cacheFile())
                .append(", or pass --cascade FILE.");
        throw new CascadeNotFoundException(msg.toString());
    }

    /** The cascade could not be found anywhere; the message says where it was looked for and how to get it. */
    public static final class CascadeNotFoundException extends IOException {
        public CascadeNotFoundException(String message) {
            super(message);
        }
    }

    private static Path applicationDir() {
        try {
            var source = CascadeLocator.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) ? location.getParent() : null;
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }
}
