package dev.crest.cli.netsim;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.crest.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a netsim settings file, YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}): a flat mapping from
 * setting names (the long flag names without dashes, e.g. {@code bandwidth: 25G}) to a value or, for sweeps, a
 * list of values. Unknown names are rejected so a typo never silently falls back to a default.
 */
final class ConfigFile {
    private ConfigFile() {
    }

    /**
     * The settings in file order, each as its list of values in text form.
     *
     * @param aliases every accepted name mapped to its canonical setting name
     */
    static Map<String, List<String>> read(Path file, Map<String, String> aliases) {
        if (!Files.isRegularFile(file)) {
            throw new CliException("config file " + file + " does not exist");
        }
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = lower.endsWith(".json") ? new ObjectMapper() : new YAMLMapper();
        JsonNode root;
        try {
            root = mapper.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new CliException("config file " + file + " is not valid " + (lower.endsWith(".json") ? "JSON" : "YAML")
                    + ": " + e.getOriginalMessage().replace('\n', ' '));
        } catch (IOException e) {
            throw new CliException("cannot read config file " + file + ": " + e.getMessage());
        }
        Map<String, List<String>> settings = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return settings;
        }
        if (!root.isObject()) {
            throw new CliException("config file " + file + " must be a mapping of setting names to values");
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            String canonical = aliases.get(field.getKey());
            if (canonical == null) {
                throw new CliException("unknown setting '" + field.getKey() + "' in " + file + "; known settings: "
                        + String.join(", ", new TreeSet<>(aliases.values())));
            }
            if (settings.containsKey(canonical)) {
                throw new CliException("setting '" + canonical + "' appears twice in " + file);
            }
            settings.put(canonical, values(file, field.getKey(), field.getValue()));
        }
        return settings;
    }

    private static List<String> values(Path file, String key, JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode element : node) {
                values.add(scalar(file, key, element));
            }
            if (values.isEmpty()) {
                throw new CliException("setting '" + key + "' in " + file + " is an empty list");
            }
        } else {
            values.add(scalar(file, key, node));
        }
        return values;
    }

    private static String scalar(Path file, String key, JsonNode node) {
        if (!node.isValueNode() || node.isNull()) {
            throw new CliException("setting '" + key + "' in " + file + " must be a value or a list of values, got "
                    + (node.isNull() ? "nothing" : node.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        return node.asText();
    }
}
