package io.mpreg.core.function;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How one function's results become JSON and its failures become protocol
 * errors: {@code FUNCTION_FAILED} with the exception's type and message as
 * details and no stack trace.
 */
final class FunctionFailures {

    private final String functionName;
    private final JsonMapper mapper;

    FunctionFailures(String functionName, JsonMapper mapper) {
        this.functionName = functionName;
        this.mapper = mapper;
    }

    /** A result as JSON. */
    JsonNode toJson(@Nullable Object result) {
        if (result == null) {
            return NullNode.getInstance();
        }
        if (result instanceof JsonNode node) {
            return node;
        }
        try {
            return mapper.valueToTree(result);
        } catch (JacksonException e) {
            throw MpregException.of(ErrorKind.FUNCTION_FAILED,
                    functionName + " returned a " + result.getClass().getName() + " that cannot be written as JSON: "
                            + e.getOriginalMessage(),
                    details(result.getClass().getName(), e.getOriginalMessage()));
        }
    }

    /** A failure of the function as a protocol error. */
    Throwable translate(Throwable failure) {
        Exceptions.throwIfJvmFatal(failure);
        Throwable cause = unwrap(failure);
        if (cause instanceof MpregException mpreg) {
            return mpreg;
        }
        String message = cause.getMessage();
        return MpregException.of(ErrorKind.FUNCTION_FAILED,
                functionName + " threw " + cause.getClass().getSimpleName() + (message != null ? ": " + message : ""),
                details(cause.getClass().getName(), message));
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || current instanceof MethodInvokers.CheckedFailure) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static ObjectNode details(String type, @Nullable String message) {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("type", type);
        details.put("message", message);
        return details;
    }
}
