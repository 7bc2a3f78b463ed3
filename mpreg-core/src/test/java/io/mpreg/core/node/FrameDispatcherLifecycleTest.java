package io.mpreg.core.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.function.BuiltinFunctions;
import io.mpreg.core.function.FunctionRegistry;
import io.mpreg.core.function.LocalCommandRunner;
import io.mpreg.core.pubsub.PubSubPublish;
import io.mpreg.core.pubsub.PubSubWire;
import io.mpreg.core.rpc.RpcService;
import io.mpreg.core.transport.ConnectionInfo;
import io.mpreg.core.transport.ConnectionOutlet;
import io.mpreg.core.transport.QueuedFrames;
import io.mpreg.core.wire.FrameRejectedException;
import io.mpreg.core.wire.WireCodec;
import io.mpreg.core.wire.WireMessage;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
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
    void pushedFramesArePulledBesideTheRepliesAndTheEndIsHeardOnce() {
        QueuedFrames pushes = new QueuedFrames();
        AtomicReference<Runnable> wake = new AtomicReference<>();
        Sinks.Many<String> inbound = Sinks.many().unicast().onBackpressureBuffer();
        FrameDispatcher dispatcher = plain.withLifecycle(lifecycle(outlet -> {
            wake.set(outlet.attach(pushes));
            return Mono.never();
        }));

        StepVerifier.create(dispatcher.handle(CONNECTION, inbound.asFlux()))
                .then(() -> {
                    pushes.add("{\"pushed\":1}");
                    wake.get().run();
                })
                .expectNext("{\"pushed\":1}")
                .then(() -> inbound.tryEmitNext(ECHO))
                .assertNext(frame -> assertThat(frame).contains("rpc-response"))
                .then(inbound::tryEmitComplete)
                .expectComplete()
                .verify(WAIT);

        assertThat(closed).containsExactly("c1");
    }

    @Test
    void theTransportsOutletIsHandedToEveryLifecycle() {
        ConnectionOutlet transportOutlet = source -> () -> { };
        List<ConnectionOutlet> seen = new CopyOnWriteArrayList<>();
        FrameDispatcher dispatcher = plain.withLifecycle(lifecycle(outlet -> {
            seen.add(outlet);
            return Mono.never();
        })).withLifecycle(lifecycle(outlet -> {
            seen.add(outlet);
            return Mono.empty();
        }));

        StepVerifier.create(dispatcher.frames(CONNECTION, Flux.empty(), transportOutlet)).expectComplete().verify(WAIT);

        assertThat(seen).containsExactly(transportOutlet, transportOutlet);
        assertThat(closed).containsExactly("c1", "c1");
    }

    @Test
    void aLifecycleEndingTheConnectionFailsItsFrames() {
        FrameDispatcher dispatcher = plain.withLifecycle(lifecycle(
                outlet -> Mono.error(MpregException.of(ErrorKind.OVERLOADED, "subscriber fell behind"))));

        StepVerifier.create(dispatcher.handle(CONNECTION, Flux.never()))
                .expectErrorSatisfies(error -> assertThat(((MpregException) error).kind()).isEqualTo(ErrorKind.OVERLOADED))
                .verify(WAIT);

        assertThat(closed).containsExactly("c1");
    }

    @Test
    void theEndIsHeardWhenTheTransportCancels() {
        FrameDispatcher dispatcher = plain.withLifecycle(lifecycle(outlet -> Mono.never()));

        Disposable serving = dispatcher.handle(CONNECTION, Flux.never()).subscribe();
        serving.dispose();

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

    private ConnectionLifecycle lifecycle(Function<ConnectionOutlet, Mono<Void>> onOpen) {
        return new ConnectionLifecycle() {
            @Override
            public Mono<Void> opened(ConnectionInfo connection, ConnectionOutlet outlet) {
                return onOpen.apply(outlet);
            }

            @Override
            public void closed(ConnectionInfo connection) {
                closed.add(connection.id());
            }
        };
    }
}
