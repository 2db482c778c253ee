package org.ganbench.common;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The log file a user sends with a bug report: {@code $XDG_STATE_HOME/ganbench/logs/ganbench-0.log} (default
 * {@code ~/.local/state/ganbench/logs}), rotated over {@value #FILE_COUNT} files of at most 2 MB. Everything the app
 * and its libraries log through SLF4J (bound to java.util.logging) or java.util.logging goes there from INFO up; the
 * terminal only gets warnings, as before the log file existed.
 */
public final class AppLog {
    static final String FILE_PATTERN = "ganbench-%g.log";
    static final int FILE_LIMIT_BYTES = 2 * 1024 * 1024;
    static final int FILE_COUNT = 5;

    private static final Logger LOG = Logger.getLogger(AppLog.class.getName());
    private static boolean installed;

    private AppLog() {
    }

    /** The folder of the log files for this user. */
    public static Path directory() {
        return directory(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The folder of the log files for the given environment variables and home folder (tests pass their own). */
    static Path directory(Map<String, String> env, Path home) {
        return UserDirs.base(env.get("XDG_STATE_HOME"), home.resolve(".local").resolve("state"))
                .resolve("ganbench").resolve("logs");
    }

    /** The current log file (generation 0; older ones are ganbench-1.log, ganbench-2.log, ...). */
    public static Path file() {
        return directory().resolve(FILE_PATTERN.replace("%g", "0"));
    }

    /**
     * Routes java.util.logging (and so SLF4J) into the log file and warnings to the terminal, and logs uncaught
     * exceptions. When the log folder cannot be written (a read-only home on a server), the app runs on with the
     * terminal only and says so there. Called once, first thing in {@code main}; later calls do nothing.
     */
    public static synchronized void install(String startedAs) {
        if (installed) {
            return;
        }
        installed = true;
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        root.setLevel(Level.INFO);
        ConsoleHandler console = new ConsoleHandler();
        console.setLevel(Level.WARNING);
        console.setFormatter(new LineFormatter());
        root.addHandler(console);
        try {
            root.addHandler(fileHandler(directory(), FILE_LIMIT_BYTES, FILE_COUNT));
        } catch (IOException | RuntimeException e) {
            LOG.warning("no log file (" + e.getMessage() + "); logging to the terminal only");
        }
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.log(Level.SEVERE, "uncaught exception in thread " + thread.getName(), error);
            if (previous != null) {
                previous.uncaughtException(thread, error);
            }
        });
        LOG.info(() -> "GanBench " + Versions.ganbench() + " started (" + startedAs + ") on Java " + Versions.java()
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    /** A rotating, appending file handler in {@code directory} (created if missing), INFO and up. */
    static FileHandler fileHandler(Path directory, int limitBytes, int count) throws IOException {
        Files.createDirectories(directory);
        FileHandler handler = new FileHandler(directory.resolve(FILE_PATTERN).toString(), limitBytes, count, true);
        handler.setEncoding("UTF-8");
        handler.setLevel(Level.INFO);
        handler.setFormatter(new LineFormatter());
        return handler;
    }

    /** One line per record, local time to the millisecond, then the stack trace if any. */
    static final class LineFormatter extends Formatter {
        private static final DateTimeFormatter TIME =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

        @Override
        public String format(LogRecord r) {
            StringBuilder line = new StringBuilder(TIME.format(r.getInstant())).append(' ')
                    .append(r.getLevel().getName()).append(' ').append(r.getLoggerName()).append(": ")
                    .append(formatMessage(r)).append(System.lineSeparator());
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }
}
