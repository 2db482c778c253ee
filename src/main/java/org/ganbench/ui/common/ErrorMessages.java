package org.ganbench.ui.common;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place that turns an exception into a sentence for the user: the messages along its cause chain, each
 * said once, with file-system and network failures in words rather than class names.
 */
public final class ErrorMessages {
    private ErrorMessages() {
    }

    /** What went wrong, e.g. "Could not fetch the cascade: could not reach github.com (no network connection)". */
    public static String of(Throwable error) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String part = describe(t);
            if (part == null || parts.stream().anyMatch(p -> p.contains(part))) {
                continue;
            }
            parts.add(part);
            if (t instanceof FileSystemException || isNetwork(t)) {
                break; // described fully in words; what caused it below is for the log
            }
        }
        if (parts.isEmpty()) {
            return "an unexpected internal error (" + error.getClass().getSimpleName() + "); the log has the details";
        }
        return String.join(": ", parts);
    }

    /** One link of the chain in words, or null when it adds nothing (a wrapper repeating its cause). */
    private static String describe(Throwable t) {
        String message = t.getMessage() == null ? null : t.getMessage().strip();
        if (t instanceof FileSystemException fs) {
            return fileProblem(fs);
        }
        if (t instanceof UnknownHostException) {
            return "could not reach " + (message == null ? "the server" : message) + " (no network connection)";
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
            return "could not connect" + (message == null ? "" : " (" + message + ")");
        }
        if (t instanceof SocketTimeoutException) {
            return "the connection timed out";
        }
        if (t instanceof OutOfMemoryError) {
            return "out of memory (try a smaller batch or width)";
        }
        if (t instanceof FileNotFoundException && message != null) {
            return "cannot open " + message;
        }
        boolean wrapper = t instanceof UncheckedIOException || t instanceof ExecutionException
                || t instanceof CompletionException;
        if (message == null || message.isEmpty()
                || (t.getCause() != null && (message.equals(t.getCause().toString()) || wrapper
                        && message.equals(t.getCause().getMessage())))) {
            return null;
        }
        return stripClassName(message);
    }

    private static String fileProblem(FileSystemException e) {
        String file = e.getFile() == null ? "a file" : e.getFile();
        String reason = e.getReason();
        if (e instanceof NoSuchFileException) {
            return file + " does not exist" + (reason == null ? "" : " (" + reason + ")");
        }
        if (e instanceof AccessDeniedException) {
            return "no permission to use " + file;
        }
        if (e instanceof FileAlreadyExistsException) {
            return file + " already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder " + file + " is not empty";
        }
        if (e instanceof NotDirectoryException) {
            return file + " is not a folder";
        }
        String what = reason == null ? "cannot be used" : reason.toLowerCase(Locale.ROOT);
        return file + (e.getOtherFile() == null ? "" : " -> " + e.getOtherFile()) + ": " + what;
    }

    private static boolean isNetwork(Throwable t) {
        return t instanceof UnknownHostException || t instanceof ConnectException
                || t instanceof NoRouteToHostException || t instanceof SocketTimeoutException;
    }

    /** "java.io.IOException: disk full" says "disk full". */
    private static String stripClassName(String message) {
        int colon = message.indexOf(": ");
        if (colon > 0 && message.substring(0, colon).matches("([a-z_$][\\w$]*\\.)+[A-Z][\\w$]*")) {
            return message.substring(colon + 2);
        }
        return message;
    }
}
