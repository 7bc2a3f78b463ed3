package io.mpreg.core.function;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Binds JSON arguments to a Java method's parameters: positional arguments
 * first, then keyword arguments by parameter name, each converted with
 * Jackson to the parameter's generic type. A varargs parameter collects the
 * remaining positional arguments. Every mismatch is a
 * {@link ErrorKind#BAD_ARGUMENTS} naming the parameter.
 */
final class ParameterBinding {

    private record Slot(String name, String typeName, JavaType type, Class<?> rawType, boolean primitive,
            boolean jsonNode) {
    }

    private final String signature;
    private final Slot[] slots;
    private final Map<String, Integer> positionByName;
    private final boolean varArgs;
    private final JsonMapper mapper;

    ParameterBinding(Method method, JsonMapper mapper) {
        this.mapper = mapper;
        this.varArgs = method.isVarArgs();
        Parameter[] parameters = method.getParameters();
        this.slots = new Slot[parameters.length];
        this.positionByName = new HashMap<>();
        StringJoiner described = new StringJoiner(", ", method.getName() + "(", ")");
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            Class<?> rawType = parameter.getType();
            String typeName = parameter.getParameterizedType().getTypeName();
            slots[i] = new Slot(parameter.getName(), typeName,
                    mapper.getTypeFactory().constructType(parameter.getParameterizedType()), rawType,
                    rawType.isPrimitive(), JsonNode.class.isAssignableFrom(rawType));
            positionByName.put(parameter.getName(), i);
            described.add(typeName + " " + parameter.getName());
        }
        this.signature = described.toString();
    }

    /** The method's signature as shown in error messages. */
    String signature() {
        return signature;
    }

    /** The Java values for one call. */
    @Nullable Object[] bind(List<JsonNode> args, Map<String, JsonNode> kwargs) {
        JsonNode[] nodes = new JsonNode[slots.length];
        int fixed = varArgs ? slots.length - 1 : slots.length;
        if (args.size() > fixed && !varArgs) {
            throw bad(signature + " takes " + slots.length + " positional argument" + (slots.length == 1 ? "" : "s")
                    + " but " + args.size() + " were given");
        }
        for (int i = 0; i < Math.min(fixed, args.size()); i++) {
            nodes[i] = args.get(i);
        }
        if (varArgs) {
            ArrayNode rest = JsonNodeFactory.instance.arrayNode();
            for (int i = fixed; i < args.size(); i++) {
                rest.add(args.get(i));
            }
            nodes[fixed] = rest;
        }
        for (Map.Entry<String, JsonNode> kwarg : kwargs.entrySet()) {
            Integer position = positionByName.get(kwarg.getKey());
            if (position == null) {
                throw bad(signature + " has no parameter named '" + kwarg.getKey() + "'");
            }
            if (nodes[position] != null) {
                throw bad(signature + " got two values for parameter '" + kwarg.getKey() + "'");
            }
            nodes[position] = kwarg.getValue();
        }
        @Nullable Object[] values = new Object[slots.length];
        for (int i = 0; i < slots.length; i++) {
            if (nodes[i] == null) {
                throw bad(signature + " is missing an argument for parameter '" + slots[i].name() + "'");
            }
            values[i] = convert(slots[i], nodes[i]);
        }
        return values;
    }

    private @Nullable Object convert(Slot slot, JsonNode node) {
        if (slot.jsonNode()) {
            if (!slot.rawType().isInstance(node)) {
                throw bad("parameter '" + slot.name() + "' of " + signature + " needs a " + slot.typeName()
                        + " but got JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            return node;
        }
        if (node.isNull()) {
            if (slot.primitive()) {
                throw bad("parameter '" + slot.name() + "' of " + signature + " is a " + slot.typeName()
                        + " and cannot be null");
            }
            return null;
        }
        try {
            return mapper.treeToValue(node, slot.type());
        } catch (JacksonException e) {
            throw bad("parameter '" + slot.name() + "' of " + signature + " needs a " + slot.typeName()
                    + " but got JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT) + ": "
                    + e.getOriginalMessage());
        }
    }

    private static MpregException bad(String message) {
        return MpregException.of(ErrorKind.BAD_ARGUMENTS, message);
    }
}
