package io.mpreg.core.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.mpreg.core.transport.Utf8Text;
import io.mpreg.core.wire.FrameRejectedException;
import io.mpreg.core.wire.WireCodec;
import io.mpreg.core.wire.WireMessage;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streaming decoders of publish and notification frames answer every
 * frame exactly as the tree decoders do: the same message, or the same
 * rejection. Frames are assembled from fields in any order, with values of
 * the right and the wrong types, repeated fields, unknown fields, odd
 * whitespace and escapes.
 */
class StreamingDecodeProperties {

    private static final List<String> STRINGS = List.of("\"a\"", "\"sensors.temp.b1\"", "\"x\\\"y\"", "\"\\u00e9t\u00e9\"",
            "\"a..b\"", "\"\"", "\"#\"", "\"a.*\"", "\"sensors.temperature.building-one.floor\"",
            "\"0123456789\\\"quoted\\\" and a tail\"", "\"\u00fcn\u00efc\u00f6d\u00e9 text \ud83d\ude00 past eight\"",
            "\"a raw\ttab in a long string\"", "\"long\\\\backslash\\u00e9 \\n escapes\"");
    private static final List<String> VALUES = List.of("null", "1", "-2.50", "1700000000.123", "1e3", "true", "[]",
            "[1,{\"k\":\"}\"}]", "{}", "{\"value\": 23.5, \"n\": [null]}", "\"text\"", "\"}\"", "-0", "1e400",
            "12345678901234567890", "01", "[[[[]]]]", "\"\\u00e9\\n\"", "\"\\q\"",
            "\"" + "x".repeat(100) + "\"", "{\"reading\": \"\u00e9t\u00e9 with more than eight bytes\"}");
    private static final List<String> SPACES = List.of("", " ", "\n\t ");

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final WireCodec streaming = PubSubWire.register(WireCodec.rpc(mapper));
    private final WireCodec treeOnly = WireCodec.rpc(mapper)
            .withRole(PubSubPublish.ROLE, PubSubPublish::decode)
            .withRole(PubSubNotification.ROLE, PubSubNotification::decode);

    @Property(tries = 3000)
    void streamingAndTreeDecodersAnswerEveryFrameAlike(@ForAll("frames") String frame) {
        assertThat(outcome(streaming, frame)).isEqualTo(outcome(treeOnly, frame));
    }

    @Property(tries = 1000)
    void aFrameGivenAsItsUtf8BytesDecodesAsItsText(@ForAll("frames") String frame) {
        assertThat(outcome(streaming, Utf8Text.ofUtf8(frame.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(outcome(streaming, frame));
    }

    private static Object outcome(WireCodec codec, CharSequence frame) {
        try {
            WireMessage message = codec.decode(frame);
            return message;
        } catch (FrameRejectedException rejected) {
            return List.of(rejected.getMessage(), String.valueOf(rejected.u()), String.valueOf(rejected.role()));
        }
    }

    @Provide
    Arbitrary<String> frames() {
        return Arbitraries.randoms().map(StreamingDecodeProperties::frame);
    }

    private static String frame(Random random) {
        boolean notification = random.nextBoolean();
        List<String> fields = new ArrayList<>();
        maybe(random, 0.9, () -> fields.add(field(random, "u", pick(random, STRINGS, 0.9))));
        if (notification) {
            maybe(random, 0.9, () -> fields.add(field(random, "subscription_id", pick(random, STRINGS, 0.9))));
        }
        maybe(random, 0.95, () -> fields.add(field(random, "message", message(random))));
        maybe(random, 0.1, () -> fields.add(field(random, "extra", pick(random, VALUES, 0))));
        maybe(random, 0.05, () -> fields.add(fields.isEmpty() ? field(random, "u", "\"dup\"") : fields.get(0)));
        Collections.shuffle(fields, random);
        String role = field(random, "role", notification ? "\"pubsub-notification\"" : "\"pubsub-publish\"");
        if (random.nextDouble() < 0.8) {
            fields.add(0, role);
        } else {
            fields.add(random.nextInt(fields.size() + 1), role);
        }
        String frame = object(random, fields);
        return random.nextDouble() < 0.03 ? frame.substring(0, random.nextInt(frame.length())) : frame;
    }

    private static String message(Random random) {
        if (random.nextDouble() < 0.05) {
            return pick(random, VALUES, 0);
        }
        List<String> fields = new ArrayList<>();
        maybe(random, 0.95, () -> fields.add(field(random, "topic", pick(random, STRINGS, 0.9))));
        maybe(random, 0.9, () -> fields.add(field(random, "payload", pick(random, VALUES, 0))));
        maybe(random, 0.5, () -> fields.add(field(random, "message_id", pick(random, STRINGS, 0.8))));
        maybe(random, 0.5, () -> fields.add(field(random, "publisher", pick(random, STRINGS, 0.8))));
        maybe(random, 0.5, () -> fields.add(field(random, "timestamp", pick(random, VALUES, 0))));
        maybe(random, 0.4, () -> fields.add(field(random, "headers",
                random.nextDouble() < 0.7 ? "{\"trace\":" + pick(random, VALUES, 0) + "}" : pick(random, VALUES, 0))));
        maybe(random, 0.1, () -> fields.add(field(random, "other", pick(random, VALUES, 0))));
        maybe(random, 0.05, () -> fields.add(fields.isEmpty() ? field(random, "topic", "\"a\"") : fields.get(0)));
        Collections.shuffle(fields, random);
        return object(random, fields);
    }

    private static String object(Random random, List<String> fields) {
        String space = pick(random, SPACES, 0);
        return "{" + space + String.join("," + space, fields) + space + "}";
    }

    private static String field(Random random, String name, String value) {
        String space = pick(random, SPACES, 0);
        return "\"" + name + "\"" + space + ":" + space + value;
    }

    // With probability `typed`, one of `values`; otherwise a value of any type.
    private static String pick(Random random, List<String> values, double typed) {
        List<String> from = random.nextDouble() < typed ? values : VALUES;
        return from.get(random.nextInt(from.size()));
    }

    private static void maybe(Random random, double probability, Runnable action) {
        if (random.nextDouble() < probability) {
            action.run();
        }
    }
}
