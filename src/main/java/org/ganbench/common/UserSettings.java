package org.ganbench.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The user's settings file ({@link UserDirs#settingsFile()}): a flat JSON object of text values. */
public final class UserSettings {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public UserSettings(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The text value of {@code key}; empty when the file or the key is missing. A malformed file is an error. */
    public Optional<String> get(String key) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        JsonNode node = read().get(key);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }

    /** Sets {@code key} to {@code value}, keeping the other settings; written atomically. */
    public void put(String key, String value) throws IOException {
        ObjectNode root = Files.isRegularFile(file) ? read() : JSON.createObjectNode();
        root.put(key, value);
        byte[] text = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root); // Jackson would close the stream
        AtomicFiles.write(file, out -> out.write(text));
    }

    private ObjectNode read() throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("settings file " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root instanceof ObjectNode object) {
            return object;
        }
        throw new IOException("settings file " + file + " must hold a JSON object");
    }
}
