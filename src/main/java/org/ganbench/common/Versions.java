package org.ganbench.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions of GanBench and the libraries it computes with, read from build metadata (for a run's config.json). */
public final class Versions {
    private Versions() {
    }

    public static String ganbench() {
        return property("/org/ganbench/common/version.properties", "version");
    }

    /** Deeplearning4j's version, from its jar's Maven metadata (no ND4J/DL4J class needed). */
    public static String deeplearning4j() {
        return property("/META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties", "version");
    }

    /** Java's version and vendor, e.g. "17.0.12 (Eclipse Adoptium)". */
    public static String java() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
    }

    private static String property(String resource, String key) {
        try (InputStream in = Versions.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty(key, "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
