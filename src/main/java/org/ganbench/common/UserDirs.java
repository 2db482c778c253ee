package org.ganbench.common;

import java.nio.file.Path;
import java.util.Map;

/**
 * The user's own GanBench folders, following the XDG base-directory convention: settings in
 * {@code $XDG_CONFIG_HOME/ganbench} (default {@code ~/.config/ganbench}), downloads in {@code $XDG_CACHE_HOME/ganbench}
 * (default {@code ~/.cache/ganbench}).
 */
public record UserDirs(Path config, Path cache) {

    public static UserDirs fromEnvironment() {
        return of(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The folders for the given environment variables and home folder (tests pass their own). */
    public static UserDirs of(Map<String, String> env, Path home) {
        return new UserDirs(base(env.get("XDG_CONFIG_HOME"), home.resolve(".config")).resolve("ganbench"),
                base(env.get("XDG_CACHE_HOME"), home.resolve(".cache")).resolve("ganbench"));
    }

    /** The settings file, a JSON object of named settings. */
    public Path settingsFile() {
        return config.resolve("settings.json");
    }

    // The XDG spec says relative values are invalid and must be ignored.
    static Path base(String value, Path fallback) {
        if (value == null || value.isBlank() || !Path.of(value).isAbsolute()) {
            return fallback;
        }
        return Path.of(value);
    }
}
