package org.ganbench.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of a run's {@code eval/eval.json}, flattened to "name -> text" in file order (nested objects as dotted
 * names, e.g. {@code swd.mean}), so that a table can show whatever evaluation wrote without knowing its schema.
 */
public final class EvalFigures {
    private EvalFigures() {
    }

    /** The figures, or an empty map when the run has not been evaluated. */
    public static Map<String, String> read(Path evalJson) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.exists(evalJson)) {
            return out;
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(evalJson.toFile());
        } catch (IOException e) {
            throw new IOException("unreadable evaluation file " + evalJson + ": " + e.getMessage(), e);
        }
        flatten("", root, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isNumber()) {
            out.put(prefix, formatNumber(node.asDouble()));
        } else if (node.isValueNode()) {
            out.put(prefix, node.asText());
        } else if (node.isArray() && node.size() <= 8 && allValues(node)) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode v : node) {
                sb.append(sb.length() == 0 ? "" : ", ").append(v.isNumber() ? formatNumber(v.asDouble()) : v.asText());
            }
            out.put(prefix, sb.toString());
        }
    }

    private static boolean allValues(JsonNode array) {
        for (JsonNode v : array) {
            if (!v.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    private static String formatNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
