package io.mpreg.core.rpc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import tools.jackson.databind.JsonNode;

/**
 * Finds the references inside one command's arguments and compiles them into
 * {@link ArgumentTemplate}s, in one walk over the arguments.
 *
 * <p>A whole string equal to a command's name references its result; a string
 * whose part before the first dot is a command's name references a field
 * inside it. The exact match wins, so a name containing a dot still works.
 */
final class ReferenceCompiler {

    private final Map<String, Integer> indexByName;

    ReferenceCompiler(Map<String, Integer> indexByName) {
        this.indexByName = indexByName;
    }

    /** Compiles one argument, reporting the index of every command it references. */
    ArgumentTemplate compile(JsonNode node, IntConsumer onReference) {
        if (node.isString()) {
            return compileString(node, onReference);
        }
        if (node.isArray()) {
            List<ArgumentTemplate> elements = new ArrayList<>(node.size());
            boolean anyReference = false;
            for (JsonNode element : node) {
                ArgumentTemplate compiled = compile(element, onReference);
                anyReference |= !(compiled instanceof ArgumentTemplate.Literal);
                elements.add(compiled);
            }
            return anyReference ? new ArgumentTemplate.ArrayOf(List.copyOf(elements)) : new ArgumentTemplate.Literal(node);
        }
        if (node.isObject()) {
            List<String> keys = new ArrayList<>(node.size());
            List<ArgumentTemplate> values = new ArrayList<>(node.size());
            boolean anyReference = false;
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                ArgumentTemplate compiled = compile(property.getValue(), onReference);
                anyReference |= !(compiled instanceof ArgumentTemplate.Literal);
                keys.add(property.getKey());
                values.add(compiled);
            }
            return anyReference
                    ? new ArgumentTemplate.ObjectOf(List.copyOf(keys), List.copyOf(values))
                    : new ArgumentTemplate.Literal(node);
        }
        return new ArgumentTemplate.Literal(node);
    }

    private ArgumentTemplate compileString(JsonNode node, IntConsumer onReference) {
        String text = node.stringValue();
        Integer whole = indexByName.get(text);
        if (whole != null) {
            onReference.accept(whole);
            return new ArgumentTemplate.Reference(whole, text, text, List.of());
        }
        int dot = text.indexOf('.');
        if (dot < 0) {
            return new ArgumentTemplate.Literal(node);
        }
        String name = text.substring(0, dot);
        Integer target = indexByName.get(name);
        if (target == null) {
            return new ArgumentTemplate.Literal(node);
        }
        onReference.accept(target);
        List<String> path = Arrays.asList(text.substring(dot + 1).split("\\.", -1));
        return new ArgumentTemplate.Reference(target, name, text, List.copyOf(path));
    }
}
