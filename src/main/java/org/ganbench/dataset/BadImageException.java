package org.ganbench.dataset;

/** A source file that cannot be used; the message is the reason shown to the user for that file. */
public final class BadImageException extends Exception {
    public BadImageException(String reason) {
        super(reason);
    }

    public BadImageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
