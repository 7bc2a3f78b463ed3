package io.mpreg.core.pubsub;

import java.util.Objects;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.pubsub.internal.JsonText;
import io.mpreg.core.transport.Utf8Text;
import io.mpreg.core.wire.Fields;
import io.mpreg.core.wire.WireMessage;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The answer to every subscribe, unsubscribe and publish.
 *
 * @param u           the id of the request this answers ({@code null} if it could not be read)
 * @param operationId the same id, as the original protocol names it
 * @param success     whether the operation was done
 * @param error       why it was not, as a plain string; {@code null} on success
 * @param errorCode   the protocol error code; {@code null} on success
 */
public record PubSubAck(@Nullable String u, @Nullable String operationId, boolean success, @Nullable String error,
        @Nullable Integer errorCode) implements WireMessage {

    /** The role of an ack frame. */
    public static final String ROLE = "pubsub-ack";

    // The fixed parts of a successful ack's frame.
    private static final byte[] START = JsonText.ascii("{\"role\":\"" + ROLE + "\",\"u\":\"");
    private static final byte[] OPERATION_ID = JsonText.ascii("\",\"operation_id\":\"");
    private static final byte[] SUCCESS = JsonText.ascii("\",\"success\":true}");

    public PubSubAck {
        if (success != (error == null) || success != (errorCode == null)) {
            throw new IllegalArgumentException("a successful ack has no error; a failed one has error and code");
        }
    }

    /** The ack of a successful operation. */
    public static PubSubAck ok(String u) {
        Objects.requireNonNull(u, "u");
        return new PubSubAck(u, u, true, null, null);
    }

    /** The ack of a failed operation. */
    public static PubSubAck failed(@Nullable String u, MpregException failure) {
        return new PubSubAck(u, u, false, String.valueOf(failure.getMessage()), failure.code());
    }

    /** The protocol kind of the failure, if this ack reports one. */
    public @Nullable ErrorKind errorKind() {
        return errorCode == null ? null : ErrorKind.ofCode(errorCode).orElse(ErrorKind.INTERNAL);
    }

    @Override
    public String role() {
        return ROLE;
    }

    // Every publish is answered with an ack: a successful one is assembled as bytes.
    @Override
    public @Nullable CharSequence encodedText() {
        if (!success || u == null || operationId == null) {
            return null;
        }
        int length = START.length + u.length() + OPERATION_ID.length + operationId.length() + SUCCESS.length;
        return Utf8Text.ofUtf8(JsonText.builder(length).raw(START).escaped(u).raw(OPERATION_ID).escaped(operationId)
                .raw(SUCCESS).build());
    }

    @Override
    public void writeTo(JsonGenerator g) {
        WireMessage.startFrame(g, ROLE, u);
        g.writeStringProperty("operation_id", operationId);
        g.writeBooleanProperty("success", success);
        if (!success) {
            g.writeStringProperty("error", error);
            g.writeNumberProperty("error_code", Objects.requireNonNull(errorCode));
        }
        g.writeEndObject();
    }

    static PubSubAck decode(ObjectNode frame, Fields fields) {
        JsonNode success = frame.get("success");
        if (success == null || !success.isBoolean()) {
            throw fields.reject("field 'success' must be a boolean");
        }
        String operationId = fields.optionalString(frame, "operation_id");
        if (success.booleanValue()) {
            return new PubSubAck(fields.u(), operationId, true, null, null);
        }
        String error = fields.optionalString(frame, "error");
        JsonNode code = frame.get("error_code");
        int errorCode = code != null && code.canConvertToInt() ? code.intValue() : ErrorKind.INTERNAL.code();
        return new PubSubAck(fields.u(), operationId, false, error == null ? "" : error, errorCode);
    }
}
