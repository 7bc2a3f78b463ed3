package io.mpreg.core.fabric.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.mpreg.core.cluster.ClusterMessage;
import io.mpreg.core.cluster.ClusterNode;
import io.mpreg.core.cluster.ClusterPayload;
import io.mpreg.core.cluster.ClusterPayload.Ack;
import io.mpreg.core.cluster.ClusterPayload.Call;
import io.mpreg.core.cluster.ClusterPayload.CallResult;
import io.mpreg.core.cluster.ClusterPayload.Cancel;
import io.mpreg.core.cluster.ClusterPayload.PubSubInterest;
import io.mpreg.core.cluster.ClusterPayload.PubSubPublish;
import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.rpc.CommandRunner;
import io.mpreg.core.rpc.RequestContext;
import io.mpreg.core.wire.ErrorBody;
import io.mpreg.core.wire.FrameRejectedException;
import io.mpreg.core.wire.RpcResponse;
import io.mpreg.core.wire.WireCodec;
import io.mpreg.core.wire.WireMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.node.NullNode;

/**
 * Serves fabric messages arriving at this node: on connections it accepted
 * (membership messages and calls, answered on the same connection) and on its
 * own peer links (call results, and errors a peer answered a frame with).
 *
 * <p>A call runs on this node's own functions only, never routed further, so a
 * call cannot travel in a loop; it is bounded by the time its request had left,
 * and a {@code cancel} from its sender disposes of it (nothing is answered).
 */
final class InboundFabric {

    private static final Logger log = LoggerFactory.getLogger(InboundFabric.class);

    private final String clusterId;
    private final WireCodec codec;
    private final FabricCounters counters;
    private final Map<String, Long> lastSeen;
    private final RemoteCalls calls;
    private final CommandRunner local;
    private final Clock clock;
    private final Function<ClusterPayload, ClusterMessage> envelope;
    private final Supplier<@Nullable ClusterNode> node;
    private final Set<String> complainedPeers = ConcurrentHashMap.newKeySet();
    private final Map<String, Sinks.One<Boolean>> running = new ConcurrentHashMap<>();
    private BiConsumer<ClusterMessage, Ack> acks = (message, ack) -> { };
    private Consumer<ClusterMessage> pubSub = message -> { };

    InboundFabric(String clusterId, WireCodec codec, FabricCounters counters, Map<String, Long> lastSeen,
            RemoteCalls calls, CommandRunner local, Clock clock,
            Function<ClusterPayload, ClusterMessage> envelope, Supplier<@Nullable ClusterNode> node) {
        this.clusterId = clusterId;
        this.codec = codec;
        this.counters = counters;
        this.lastSeen = lastSeen;
        this.calls = calls;
        this.local = local;
        this.clock = clock;
        this.envelope = envelope;
        this.node = node;
    }

    /** Tells the probe timer about acks. */
    void acks(BiConsumer<ClusterMessage, Ack> onAck) {
        this.acks = onAck;
    }

    /** Hands pub/sub messages of this cluster to the given consumer. */
    void pubSub(Consumer<ClusterMessage> onPubSub) {
        this.pubSub = onPubSub;
    }

    /** A message on a connection this node accepted or on one of its links; returns the replies. */
    Flux<WireMessage> serve(ClusterMessage message) {
        ClusterPayload payload = message.payload();
        lastSeen.put(message.fromId(), System.nanoTime());
        if (payload instanceof Call call) {
            if (!clusterId.equals(message.clusterId())) {
                deliver(message);
                return Flux.just(envelope.apply(new CallResult(call.u(), null, ErrorBody.of(MpregException.of(
                        ErrorKind.FORBIDDEN, "this node belongs to cluster '" + clusterId + "'")))));
            }
            return run(call).cast(WireMessage.class).flux();
        }
        if (payload instanceof CallResult result) {
            observeLoad(message);
            calls.complete(result);
            return Flux.empty();
        }
        if (payload instanceof PubSubInterest || payload instanceof PubSubPublish) {
            if (clusterId.equals(message.clusterId())) {
                pubSub.accept(message);
            }
            return Flux.empty();
        }
        if (payload instanceof Cancel cancel) {
            Sinks.One<Boolean> stop = running.get(cancel.u());
            if (stop != null) {
                stop.tryEmitValue(true);
            }
            return Flux.empty();
        }
        counters.received(message.frameBytes());
        if (payload instanceof Ack ack) {
            acks.accept(message, ack);
        }
        deliver(message);
        return Flux.empty();
    }

    /** A frame arriving on one of this node's peer links; answers go back on the link. */
    void fromLink(PeerLink link, String frame) {
        String address = link.address();
        WireMessage message;
        try {
            message = codec.decode(frame);
        } catch (FrameRejectedException rejected) {
            log.warn("peer {} sent a frame this node cannot read: {}", address, rejected.getMessage());
            return;
        }
        if (message instanceof ClusterMessage cluster) {
            serve(cluster).subscribe(reply -> {
                if (!link.send(codec.encode(reply), null)) {
                    log.debug("reply {} to {} dropped: the link is closed", reply.u(), address);
                }
            });
        } else if (message instanceof RpcResponse response && response.error() != null) {
            ErrorBody error = response.error();
            if (complainedPeers.add(address)) {
                log.warn("peer {} answered a fabric frame with {}: {} (is it clustered, in this cluster?)", address,
                        error.kind(), error.message());
            }
            if (response.u() != null) {
                calls.complete(new CallResult(response.u(), null, error));
            }
        }
    }

    private Mono<ClusterMessage> run(Call call) {
        Duration left = Duration.ofMillis(call.timeoutMillis());
        RequestContext context = new RequestContext(call.u(), clock.instant().plus(left));
        Sinks.One<Boolean> stop = Sinks.one();
        running.put(call.u(), stop);
        return local.run(call.command(), context)
                .timeout(left, Mono.error(() -> MpregException.of(ErrorKind.TIMEOUT,
                        "the call did not finish within the " + left.toMillis() + " ms its request had left")))
                .defaultIfEmpty(NullNode.getInstance())
                .map(result -> new CallResult(call.u(), result, null))
                .onErrorResume(failure -> Mono.just(new CallResult(call.u(), null, ErrorBody.of(asMpreg(failure)))))
                .takeUntilOther(stop.asMono())
                .doFinally(signal -> running.remove(call.u(), stop))
                .map(envelope);
    }

    private void deliver(ClusterMessage message) {
        ClusterNode current = node.get();
        if (current != null) {
            current.receive(message);
        }
    }

    private void observeLoad(ClusterMessage message) {
        ClusterNode current = node.get();
        if (current != null) {
            current.observeLoad(message.fromId(), message.load());
        }
    }

    private static MpregException asMpreg(Throwable failure) {
        if (failure instanceof MpregException mpreg) {
            return mpreg;
        }
        log.error("a call failed with an internal fault", failure);
        return MpregException.internal("internal fault while running a call: " + failure, failure);
    }
}
