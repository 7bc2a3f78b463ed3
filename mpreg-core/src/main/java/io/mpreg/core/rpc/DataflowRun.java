package io.mpreg.core.rpc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.wire.CommandSpec;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The state of one request while it executes. Lock-free: counters of
 * unfinished inputs per command, result slots, and a queue of commands ready
 * to start that a single drainer at a time empties, so commands finishing on
 * the calling thread start their dependents in a loop rather than by recursion.
 */
final class DataflowRun {

    private final RequestPlan plan;
    private final RequestContext context;
    private final CommandRunner runner;
    private final MonoSink<Map<String, JsonNode>> sink;

    private final AtomicIntegerArray unfinishedInputs;
    private final AtomicReferenceArray<JsonNode> results;
    private final AtomicReferenceArray<Disposable> running;
    private final AtomicInteger unfinishedCommands;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final Queue<Integer> ready = new ConcurrentLinkedQueue<>();
    private final AtomicInteger drainers = new AtomicInteger();

    DataflowRun(RequestPlan plan, RequestContext context, CommandRunner runner, MonoSink<Map<String, JsonNode>> sink) {
        this.plan = plan;
        this.context = context;
        this.runner = runner;
        this.sink = sink;
        int n = plan.size();
        this.unfinishedInputs = new AtomicIntegerArray(n);
        this.results = new AtomicReferenceArray<>(n);
        this.running = new AtomicReferenceArray<>(n);
        this.unfinishedCommands = new AtomicInteger(n);
    }

    void start() {
        sink.onCancel(this::cancelRunning);
        if (plan.size() == 0) {
            finish();
            return;
        }
        for (int i = 0; i < plan.size(); i++) {
            int inputs = plan.dependencyIndexes(i).length;
            unfinishedInputs.set(i, inputs);
            if (inputs == 0) {
                ready.offer(i);
            }
        }
        drain();
    }

    private void drain() {
        if (drainers.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            Integer next;
            while ((next = ready.poll()) != null) {
                if (finished.get()) {
                    ready.clear();
                    break;
                }
                launch(next);
            }
            missed = drainers.addAndGet(-missed);
        } while (missed != 0);
    }

    private void launch(int index) {
        CommandSpec command;
        try {
            command = plan.resolve(index, results::get);
        } catch (RuntimeException e) {
            fail(index, e);
            return;
        }
        Disposable subscription = Mono.defer(() -> runner.run(command, context))
                .defaultIfEmpty(NullNode.getInstance())
                .subscribe(result -> complete(index, result), failure -> fail(index, failure));
        running.set(index, subscription);
        if (finished.get()) {
            subscription.dispose();
        }
    }

    private void complete(int index, JsonNode result) {
        results.set(index, result);
        running.set(index, null);
        for (int dependent : plan.dependentIndexes(index)) {
            if (unfinishedInputs.decrementAndGet(dependent) == 0) {
                ready.offer(dependent);
            }
        }
        if (unfinishedCommands.decrementAndGet() == 0) {
            finish();
        } else {
            drain();
        }
    }

    private void finish() {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        int[] sinks = plan.sinkIndexes();
        Map<String, JsonNode> byName = new LinkedHashMap<>(sinks.length * 2);
        for (int index : sinks) {
            byName.put(plan.commands().get(index).name(), results.get(index));
        }
        sink.success(Collections.unmodifiableMap(byName));
    }

    private void fail(int index, Throwable failure) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        disposeAll();
        sink.error(naming(plan.commands().get(index).name(), failure));
    }

    private void cancelRunning() {
        finished.set(true);
        disposeAll();
    }

    private void disposeAll() {
        for (int i = 0; i < running.length(); i++) {
            Disposable subscription = running.getAndSet(i, null);
            if (subscription != null) {
                subscription.dispose();
            }
        }
    }

    /** The failure of a command, with the command's name added to its details. */
    static MpregException naming(String commandName, Throwable failure) {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("command", commandName);
        if (!(failure instanceof MpregException mpreg)) {
            return MpregException.of(ErrorKind.INTERNAL,
                    "command '" + commandName + "' failed unexpectedly: " + failure, details, failure);
        }
        JsonNode original = mpreg.details();
        if (original instanceof ObjectNode object) {
            object.properties().forEach(property -> {
                if (!property.getKey().equals("command")) {
                    details.set(property.getKey(), property.getValue());
                }
            });
        } else if (original != null) {
            details.set("details", original);
        }
        return MpregException.of(mpreg.kind(), String.valueOf(mpreg.getMessage()), details, mpreg);
    }
}
