package io.mpreg.core.wire;

import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import io.mpreg.core.transport.Utf8Text;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decodes frames into {@link WireMessage}s by their {@code role}, and encodes
 * messages back into frames.
 *
 * <p>Immutable: {@link #withRole} returns a new codec that also knows one more
 * role, so each subsystem (RPC, pub/sub, the cluster fabric) contributes its
 * own decoders without the codec knowing them. A role whose frames are hot
 * may add a {@link StreamingFrameDecoder}, tried first on frames that name
 * their {@code role} first.
 */
public final class WireCodec {

    private final JsonMapper mapper;
    private final Map<String, FrameDecoder> decoders;
    // Few roles, looked up by equals: a role read from a frame is a new string, whose hash
    // would be computed for the one look-up.
    private final List<Map.Entry<String, StreamingFrameDecoder>> streamingRoles;

    private WireCodec(JsonMapper mapper, Map<String, FrameDecoder> decoders,
                      List<Map.Entry<String, StreamingFrameDecoder>> streamingRoles) {
        this.mapper = mapper;
        this.decoders = Map.copyOf(decoders);
        this.streamingRoles = List.copyOf(streamingRoles);
    }

    /**
     * A mapper with Jackson's defaults but for its buffer pool: buffers are
     * recycled per thread rather than through Jackson's default shared
     * concurrent deque, whose traffic costs more than parsing or writing a
     * small frame. Frames are coded on a few long-lived event-loop and
     * scheduler threads, where a per-thread pool always hits.
     */
    public static JsonMapper defaultMapper() {
        return JsonMapper.builder(JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build())
                .build();
    }

    /** A codec for the RPC roles of the client protocol ({@code rpc} and {@code rpc-response}). */
    public static WireCodec rpc(JsonMapper mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return new WireCodec(mapper, Map.of(
                RpcRequest.ROLE, RpcRequest::decode,
                RpcResponse.ROLE, RpcResponse::decode), List.of());
    }

    /** A codec that also decodes frames of the given role with the given decoder. */
    public WireCodec withRole(String role, FrameDecoder decoder) {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(decoder, "decoder");
        Map<String, FrameDecoder> more = new HashMap<>(decoders);
        if (more.putIfAbsent(role, decoder) != null) {
            throw new IllegalArgumentException("role '" + role + "' already has a decoder");
        }
        return new WireCodec(mapper, more, streamingRoles);
    }

    /**
     * A codec that first tries {@code streaming} on frames of a role it already
     * decodes, falling back to that role's {@link FrameDecoder} whenever it gives up.
     */
    public WireCodec withStreamingRole(String role, StreamingFrameDecoder streaming) {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(streaming, "streaming");
        if (!decoders.containsKey(role)) {
            throw new IllegalArgumentException("role '" + role + "' has no decoder to fall back to");
        }
        if (streamingDecoder(role) != null) {
            throw new IllegalArgumentException("role '" + role + "' already has a streaming decoder");
        }
        List<Map.Entry<String, StreamingFrameDecoder>> more = new ArrayList<>(streamingRoles);
        more.add(Map.entry(role, streaming));
        return new WireCodec(mapper, decoders, more);
    }

    /** The mapper this codec reads and writes JSON values with. */
    public JsonMapper mapper() {
        return mapper;
    }

    /**
     * Decodes one frame, given as text or as its UTF-8 bytes ({@link Utf8Text}),
     * which are read as they are.
     *
     * @throws FrameRejectedException if the frame is not a JSON object, lacks a valid
     *                                {@code role}, names an unknown role or has a bad field
     */
    public WireMessage decode(CharSequence frame) {
        byte[] text = Utf8Text.of(frame).toUtf8();
        if (!streamingRoles.isEmpty()) {
            WireMessage streamed = decodeStreaming(text);
            if (streamed != null) {
                return streamed;
            }
        }
        return decodeTree(text);
    }

    // Any frame the streaming decoder does not take whole, bad ones included, is decoded
    // again as a tree, so every answer and every error is the tree decoder's.
    private @Nullable WireMessage decodeStreaming(byte[] text) {
        try {
            FrameReader frame = new FrameReader(text, mapper);
            frame.enterObject();
            if (!frame.nextField() || !frame.fieldIs("role") || frame.peek() != FrameReader.ValueType.STRING) {
                return null;
            }
            StreamingFrameDecoder decoder = streamingDecoderAt(frame);
            if (decoder == null) {
                return null;
            }
            WireMessage message = decoder.decode(frame);
            return message != null && frame.atEnd() ? message : null;
        } catch (FrameReader.Malformed | JacksonException | FrameRejectedException | IllegalArgumentException giveUp) {
            return null;
        }
    }

    // The decoder of the role the frame is at, read past when there is one. A role written with
    // escapes matches none, and the frame goes to the tree decoder.
    private @Nullable StreamingFrameDecoder streamingDecoderAt(FrameReader frame) {
        for (Map.Entry<String, StreamingFrameDecoder> entry : streamingRoles) {
            if (frame.peekStringIs(entry.getKey())) {
                frame.skipValue();
                return entry.getValue();
            }
        }
        return null;
    }

    private @Nullable StreamingFrameDecoder streamingDecoder(String role) {
        for (Map.Entry<String, StreamingFrameDecoder> entry : streamingRoles) {
            if (entry.getKey().equals(role)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private WireMessage decodeTree(byte[] text) {
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (JacksonException e) {
            throw FrameRejectedException.malformed("frame is not valid JSON", null, null);
        }
        if (tree == null || !tree.isObject()) {
            throw FrameRejectedException.malformed("frame must be a JSON object", null, null);
        }
        ObjectNode frame = (ObjectNode) tree;
        String u = readU(frame);
        JsonNode roleNode = frame.get("role");
        if (roleNode == null || !roleNode.isString()) {
            throw FrameRejectedException.malformed("field 'role' must be a string", u, null);
        }
        String role = roleNode.stringValue();
        FrameDecoder decoder = decoders.get(role);
        if (decoder == null) {
            throw FrameRejectedException.unknownRole(role, u);
        }
        return decoder.decode(frame, new Fields(u, role, text.length));
    }

    /** Encodes one message as the text of one frame. */
    public String encode(WireMessage message) {
        return encodeFrame(message).toString();
    }

    /**
     * The frame's text, as {@link #encode} gives it, but left as
     * {@link io.mpreg.core.transport.Utf8Text} when the message assembles itself
     * from shared UTF-8 parts: for a transport that writes the bytes.
     */
    public CharSequence encodeFrame(WireMessage message) {
        CharSequence encoded = message.encodedText();
        return encoded != null ? encoded : writeJson(mapper, message::writeTo);
    }

    /** The text of the one JSON value {@code writer} writes with a generator of {@code mapper}. */
    public static String writeJson(JsonMapper mapper, Consumer<JsonGenerator> writer) {
        TextOut out = new TextOut();
        try (JsonGenerator generator = mapper.createGenerator(out)) {
            writer.accept(generator);
        }
        return out.toString();
    }

    /**
     * The number of bytes the text takes in UTF-8, counted without encoding it
     * (a surrogate pair is 4 bytes; a lone surrogate, replaced by '?' on encoding, is 1).
     */
    public static int utf8Length(String text) {
        int length = text.length();
        int ascii = 0;
        // Most frames are ASCII: one tight pass, then the general count only from the first other char.
        while (ascii < length && text.charAt(ascii) < 0x80) {
            ascii++;
        }
        int bytes = length;
        for (int i = ascii; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < length
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    bytes += 2;
                    i++;
                } else if (!Character.isSurrogate(c)) {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }

    /** A {@link Writer} into a {@code StringBuilder}: unlike {@code StringWriter}, no lock per write. */
    private static final class TextOut extends Writer {
        private final StringBuilder text = new StringBuilder(256);

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String chars, int offset, int length) {
            text.append(chars, offset, offset + length);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    private static @Nullable String readU(ObjectNode frame) {
        JsonNode u = frame.get("u");
        return u != null && u.isString() ? u.stringValue() : null;
    }
}
