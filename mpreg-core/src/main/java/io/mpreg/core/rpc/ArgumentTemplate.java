package io.mpreg.core.rpc;

import java.util.List;
import java.util.function.IntFunction;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One argument of a planned command, compiled so that substitution visits
 * only the parts that hold references: a subtree without references is kept
 * as the original node and reused as it is.
 */
sealed interface ArgumentTemplate {

    /** The argument with every reference replaced by the referenced value. */
    JsonNode fill(IntFunction<JsonNode> results, String commandName);

    /** A subtree without references. */
    record Literal(JsonNode node) implements ArgumentTemplate {
        @Override
        public JsonNode fill(IntFunction<JsonNode> results, String commandName) {
            return node;
        }
    }

    /**
     * A reference to the result of command {@code target}, or to a field inside it.
     *
     * @param target     the index of the referenced command
     * @param targetName the referenced command's name
     * @param text       the reference as written, for messages
     * @param path       the field path after the command's name; empty for the whole result
     */
    record Reference(int target, String targetName, String text, List<String> path) implements ArgumentTemplate {
        @Override
        public JsonNode fill(IntFunction<JsonNode> results, String commandName) {
            JsonNode current = results.apply(target);
            for (int i = 0; i < path.size(); i++) {
                JsonNode next = step(current, path.get(i));
                if (next == null) {
                    throw fieldNotFound(commandName, String.join(".", path.subList(0, i + 1)));
                }
                current = next;
            }
            return current;
        }

        private static JsonNode step(JsonNode node, String field) {
            if (node.isObject()) {
                return node.get(field);
            }
            if (node.isArray() && isIndex(field)) {
                int index = Integer.parseInt(field);
                return index < node.size() ? node.get(index) : null;
            }
            return null;
        }

        private static boolean isIndex(String field) {
            if (field.isEmpty() || field.length() > 9) {
                return false;
            }
            for (int i = 0; i < field.length(); i++) {
                if (field.charAt(i) < '0' || field.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }

        private MpregException fieldNotFound(String commandName, String missing) {
            ObjectNode details = JsonNodeFactory.instance.objectNode();
            details.put("command", commandName);
            details.put("reference", text);
            details.put("referenced", targetName);
            details.put("path", missing);
            return MpregException.of(ErrorKind.FIELD_NOT_FOUND, "command '" + commandName + "' references '" + text
                    + "' but the result of '" + targetName + "' has no field '" + missing + "'", details);
        }
    }

    /** An array holding references somewhere inside. */
    record ArrayOf(List<ArgumentTemplate> elements) implements ArgumentTemplate {
        @Override
        public JsonNode fill(IntFunction<JsonNode> results, String commandName) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode(elements.size());
            for (ArgumentTemplate element : elements) {
                array.add(element.fill(results, commandName));
            }
            return array;
        }
    }

    /** An object holding references somewhere inside; keys keep their order. */
    record ObjectOf(List<String> keys, List<ArgumentTemplate> values) implements ArgumentTemplate {
        @Override
        public JsonNode fill(IntFunction<JsonNode> results, String commandName) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < keys.size(); i++) {
                object.set(keys.get(i), values.get(i).fill(results, commandName));
            }
            return object;
        }
    }
}
