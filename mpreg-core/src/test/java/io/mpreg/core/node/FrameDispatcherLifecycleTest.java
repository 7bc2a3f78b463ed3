package io.mpreg.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.function.BuiltinFunctions;
import io.mpreg.core.function.FunctionRegistry;
import io.mpreg.core.function.LocalCommandRunner;
import io.mpreg.core.pubsub.PubSubAck;
import io.mpreg.core.pubsub.PubSubMessage;
import io.mpreg.core.pubsub.PubSubNotification;
import io.mpreg.core.pubsub.PubSubPublish;
import io.mpreg.core.pubsub.PubSubWire;
import io.mpreg.core.rpc.RpcService;
import io.mpreg.core.transport.ConnectionInfo;
import io.mpreg.core.transport.Utf8Text;
import io.mpreg.core.wire.FrameRejectedException;
import io.mpreg.core.wire.WireCodec;
import io.mpreg.core.wire.WireMessage;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/** The per-connection hooks of the dispatcher: pushed frames, the end of a connection, role-shaped rejections. */
class FrameDispatcherLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ConnectionInfo CONNECTION = new ConnectionInfo("c1", "127.0.0.1:5000");
    private static final String ECHO = "{\"role\": \"rpc\", \"u\": \"1\", \"cmds\": [{\"name\": \"a\", \"fun\": \"echo\", \"args\": [5]}]}";

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final FrameDispatcher plain;
    private final List<String> closed = new CopyOnWriteArrayList<>();

    FrameDispatcherLifecycleTest() {
        FunctionRegistry registry = new FunctionRegistry();
        BuiltinFunctions.registerInto(registry);
        RpcService rpc = new RpcService(new LocalCommandRunner(registry, Set.of()), Clock.systemUTC(),
                Duration.ofSeconds(30), Duration.ofSeconds(60));
        plain = new FrameDispatcher(PubSubWire.register(WireCodec.rpc(mapper)), rpc);
    }

    @Test
    void pushedFramesAreMergedWithRepliesAndTheEndIsHeardOnce() {
        Sinks.Many<WireMessage> pushes = Sinks.many().unicast().onBackpressureBuffer();
        Sinks.Many<String> inbound = Sinks.many().unicast().onBackpressureBuffer();
        FrameDispatcher dispatcher = plain.withLifecycle(lifecycle(pushes.asFlux()));

        StepVerifier.create(dispatcher.handle(CONNECTION, inbound.asFlux()))
                .then(() -> pushes.tryEmitNext(PubSubAck.ok("pushed-1")))
                .assertNext(frame -> assertThat(frame).contains("\"u\":\"pushed-1\""))
                .then(() -> inbound.tryEmitNext(ECHO))
                .assertNext(frame -> assertThat(frame).contains("rpc-response"))
                .then(inbound::tryEmitComplete)
                .expectComplete()
                .verify(WAIT);

        assertThat(closed).containsExactly("c1");
    }

    @Test
    void aFannedOutNotificationLeavesAsSharedBytesThroughFramesAndAsTextThroughHandle() {
        PubSubMessage message = PubSubMessage.of("sensors.t", mapper.getNodeFactory().numberNode(21), "m-1", "p", 1.5);
        byte[] shared = message.toJson(mapper).getBytes(StandardCharsets.UTF_8);
        PubSubNotification notification = new PubSubNotification("n-1", "s-1", message, shared);
        String expected = "{\"role\":\"pubsub-notification\",\"u\":\"n-1\",\"subscription_id\":\"s-1\",\"message\":"
                + message.toJson(mapper) + "}";

        CharSequence sent = plain.withLifecycle(lifecycle(Flux.<WireMessage>just(notification)))
                .frames(CONNECTION, Flux.never()).blockFirst(WAIT);
        String handled = plain.withLifecycle(lifecycle(Flux.<WireMessage>just(notification)))
                .handle(CONNECTION, Flux.never()).blockFirst(WAIT);

        assertThat(sent).isInstanceOf(Utf8Text.class);
        assertThat(((Utf8Text) sent).utf8Length()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8).length);
        assertThat(sent.toString()).isEqualTo(expected);
        assertThat(handled).isEqualTo(expected);
    }

    @Test
    void aFailingPushedStreamFailsTheConnectionsFrames() {
        FrameDispatcher dispatcher = plain.withLifecycle(lifecycle(
                Flux.error(MpregException.of(ErrorKind.OVERLOADED, "subscriber fell behind"))));

        StepVerifier.create(dispatcher.handle(CONNECTION, Flux.never()))
                .expectErrorSatisfies(error -> assertThat(((MpregException) error).kind()).isEqualTo(ErrorKind.OVERLOADED))
                .verify(WAIT);

        assertThat(closed).containsExactly("c1");
    }

    @Test
    void theEndIsHeardWhenTheTransportCancels() {
        FrameDispatcher dispatcher = plain.withLifecycle(lifecycle(Flux.never()));

        StepVerifier.create(dispatcher.handle(CONNECTION, Flux.never()))
                .thenCancel()
                .verify(WAIT);

        assertThat(closed).containsExactly("c1");
    }

    @Test
    void aRejectedFrameIsAnsweredInTheShapeOfItsRolesHandler() {
        FrameDispatcher dispatcher = plain.withHandler(PubSubPublish.ROLE, new RoleHandler() {
            @Override
            public Flux<WireMessage> handle(WireMessage message, ConnectionInfo connection) {
                return Flux.empty();
            }

            @Override
            public WireMessage rejected(FrameRejectedException rejection) {
                return PubSubWire.rejectionAck(rejection);
            }
        });

        String reply = dispatcher.handle(CONNECTION, Flux.just("{\"role\": \"pubsub-publish\", \"u\": \"p\"}"))
                .blockFirst(WAIT);

        assertThat(mapper.readTree(reply)).isEqualTo(mapper.readTree("{\"role\": \"pubsub-ack\", \"u\": \"p\", "
                + "\"operation_id\": \"p\", \"success\": false, \"error\": \"field 'message' must be an object\", "
                + "\"error_code\": 1005}"));
    }

    private ConnectionLifecycle lifecycle(Flux<WireMessage> pushed) {
        return new ConnectionLifecycle() {
            @Override
            public Flux<WireMessage> pushed(ConnectionInfo connection) {
                return pushed;
            }

            @Override
            public void closed(ConnectionInfo connection) {
                closed.add(connection.id());
            }
        };
    }
}
