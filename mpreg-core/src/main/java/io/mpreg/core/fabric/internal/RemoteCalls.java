package io.mpreg.core.fabric.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import io.mpreg.core.cluster.ClusterMessage;
import io.mpreg.core.cluster.ClusterPayload;
import io.mpreg.core.cluster.ClusterPayload.Call;
import io.mpreg.core.cluster.ClusterPayload.Cancel;
import io.mpreg.core.cluster.ClusterPayload.CallResult;
import io.mpreg.core.cluster.Member;
import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.fabric.RemoteCaller;
import io.mpreg.core.rpc.RequestContext;
import io.mpreg.core.wire.CommandSpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The calls this node has sent to peers and awaits: correlated by {@code u},
 * completed by {@code call-result} messages, failed with {@code NODE_LOST}
 * when the link they left on drops or membership declares their peer dead or
 * gone, whichever comes first. A call its request no longer wants (cancelled)
 * is forgotten here and a {@code cancel} tells the peer to stop running it.
 * Counts outcomes by peer.
 */
public final class RemoteCalls implements RemoteCaller {

    private static final Logger log = LoggerFactory.getLogger(RemoteCalls.class);

    /** Sends a call, or the cancel of one, to a peer address. */
    @FunctionalInterface
    public interface CallSender {
        /**
         * @param callId the call whose failure to leave should be reported through {@link #notSent}, or null
         * @return the connection the message was handed to, or null if it could not even be queued
         */
        @Nullable Object send(String address, ClusterMessage message, @Nullable String callId);
    }

    private record Pending(String memberId, String address, MonoSink<JsonNode> sink, @Nullable Object via) {
        Pending via(Object connection) {
            return new Pending(memberId, address, sink, connection);
        }
    }

    private final String prefix;
    private final Clock clock;
    private final Function<ClusterPayload, ClusterMessage> envelope;
    private final CallSender sender;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LongAdder>> outcomes = new ConcurrentHashMap<>();

    /**
     * @param prefix   makes call ids unique to this node and run
     * @param clock    reads the request deadline's remaining time
     * @param envelope wraps a call payload in this node's message header
     * @param sender   sends a call over the peer link
     */
    public RemoteCalls(String prefix, Clock clock, Function<ClusterPayload, ClusterMessage> envelope,
            CallSender sender) {
        this.prefix = prefix;
        this.clock = clock;
        this.envelope = envelope;
        this.sender = sender;
    }

    @Override
    public Mono<JsonNode> call(Member member, CommandSpec command, RequestContext context) {
        return Mono.create(sink -> {
            String u = prefix + sequence.incrementAndGet();
            long remaining = Duration.between(clock.instant(), context.deadline()).toMillis();
            String address = member.info().address();
            pending.put(u, new Pending(member.id(), address, sink, null));
            sink.onCancel(() -> {
                Pending cancelled = pending.remove(u);
                if (cancelled != null) {
                    count(member.id(), "cancelled");
                    if (cancelled.via() != null) {
                        sender.send(address, envelope.apply(new Cancel(u)), null);
                    }
                }
            });
            ClusterMessage message = envelope.apply(new Call(u, command, Math.max(1, remaining)));
            Object via = sender.send(address, message, u);
            if (via == null) {
                notSent(u, "peer " + member.id() + " at " + address + " is unreachable");
            } else {
                pending.computeIfPresent(u, (id, call) -> call.via(via));
            }
        });
    }

    /** Completes the call a result answers (late results of failed calls are ignored). */
    public void complete(CallResult result) {
        Pending call = pending.remove(result.u());
        if (call == null) {
            log.debug("result of call {} arrived after the call ended", result.u());
            return;
        }
        if (result.error() != null) {
            MpregException failure = result.error().toException();
            count(call.memberId(), failure.kind().name().toLowerCase(java.util.Locale.ROOT));
            call.sink().error(failure);
        } else {
            count(call.memberId(), "success");
            call.sink().success(result.result());
        }
    }

    /** Fails a call that never left this node. */
    public void notSent(String callId, String reason) {
        Pending call = pending.remove(callId);
        if (call != null) {
            fail(call, reason, false);
        }
    }

    /** Fails every call sent over the connection (it ended). */
    public void connectionLost(Object connection, String address) {
        failWhere(call -> call.via() == connection,
                "connection to peer " + address + " was lost before the reply arrived");
    }

    /** Whether calls sent over the connection still await their results. */
    public boolean pendingVia(Object connection) {
        for (Pending call : pending.values()) {
            if (call.via() == connection) {
                return true;
            }
        }
        return false;
    }

    /** Fails every call sent to a member declared dead or gone. */
    public void memberLost(String memberId, String status) {
        failWhere(call -> call.memberId().equals(memberId), "peer " + memberId + " is " + status);
    }

    /** How many calls are waiting for their result. */
    public int inFlight() {
        return pending.size();
    }

    /** Outcome counters by peer id, then outcome. */
    public Map<String, Map<String, Long>> outcomes() {
        Map<String, Map<String, Long>> snapshot = new HashMap<>();
        outcomes.forEach((peer, byOutcome) -> {
            Map<String, Long> counts = new HashMap<>();
            byOutcome.forEach((outcome, adder) -> counts.put(outcome, adder.sum()));
            snapshot.put(peer, Map.copyOf(counts));
        });
        return snapshot;
    }

    private void failWhere(java.util.function.Predicate<Pending> lost, String reason) {
        List<String> ids = pending.entrySet().stream().filter(e -> lost.test(e.getValue())).map(Map.Entry::getKey)
                .toList();
        for (String id : ids) {
            Pending call = pending.remove(id);
            if (call != null) {
                fail(call, reason, true);
            }
        }
    }

    private void fail(Pending call, String reason, boolean sent) {
        count(call.memberId(), "node_lost");
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("node", call.memberId());
        details.put("sent", sent);
        call.sink().error(MpregException.of(ErrorKind.NODE_LOST, reason, details));
    }

    private void count(String memberId, String outcome) {
        outcomes.computeIfAbsent(memberId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, o -> new LongAdder()).increment();
    }
}
