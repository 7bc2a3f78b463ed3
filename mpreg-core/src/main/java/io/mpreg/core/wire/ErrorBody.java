package io.mpreg.core.wire;

import java.util.Objects;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code error} object of a failed reply.
 *
 * @param code    the numeric code (original clients parse it as an integer)
 * @param kind    the symbolic name of the code
 * @param message a human-readable explanation
 * @param details optional structured details, any JSON value
 */
public record ErrorBody(int code, String kind, String message, @Nullable JsonNode details) {

    public ErrorBody {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** The error body describing an exception. */
    public static ErrorBody of(MpregException exception) {
        return new ErrorBody(exception.code(), exception.kind().name(), String.valueOf(exception.getMessage()),
                exception.details());
    }

    /** This body as an exception, for raising on the calling side. */
    public MpregException toException() {
        ErrorKind errorKind = ErrorKind.ofCode(code).orElse(ErrorKind.INTERNAL);
        return MpregException.of(errorKind, message, details);
    }

    /** Writes this body as the JSON object of an {@code error} field. */
    public void writeTo(JsonGenerator g) {
        g.writeStartObject();
        g.writeNumberProperty("code", code);
        g.writeStringProperty("kind", kind);
        g.writeStringProperty("message", message);
        if (details != null) {
            g.writeName("details");
            g.writePOJO(details);
        }
        g.writeEndObject();
    }

    /** Reads an {@code error} object, rejecting it with the field at fault. */
    public static ErrorBody decode(ObjectNode error, Fields fields) {
        JsonNode code = error.get("code");
        if (code == null || !code.canConvertToInt()) {
            throw fields.reject("field 'error.code' must be an integer");
        }
        String kind = fields.optionalString(error, "kind");
        String message = fields.optionalString(error, "message");
        JsonNode details = error.get("details");
        return new ErrorBody(code.intValue(),
                kind != null ? kind : ErrorKind.ofCode(code.intValue()).map(Enum::name).orElse("UNKNOWN"),
                message != null ? message : "",
                details == null || details.isNull() ? null : details);
    }
}
