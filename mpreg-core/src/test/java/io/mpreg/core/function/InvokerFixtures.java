package io.mpreg.core.function;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Methods of every shape the invokers must handle. */
public class InvokerFixtures {

    public record Point(int x, int y) {
    }

    public static class Exploding {
        public int getValue() {
            throw new IllegalStateException("cannot read value");
        }
    }

    public static class Box {
        public String label = "";
        public int size;
    }

    public int add(int a, int b) {
        return a + b;
    }

    public String greet(String name, @Nullable String greeting) {
        return (greeting == null ? "hello" : greeting) + " " + name;
    }

    public List<Integer> doubled(List<Integer> xs) {
        return xs.stream().map(x -> x * 2).toList();
    }

    public int sumOfPoints(List<Point> points) {
        return points.stream().mapToInt(p -> p.x() + p.y()).sum();
    }

    public Map<String, Point> mirrored(Map<String, Point> points) {
        return points.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> new Point(e.getValue().y(), e.getValue().x())));
    }

    public String describe(Box box) {
        return box.label + ":" + box.size;
    }

    public Point origin() {
        return new Point(0, 0);
    }

    public String nodeType(JsonNode raw) {
        return raw.getNodeType().name();
    }

    public int fieldCount(ObjectNode object) {
        return object.size();
    }

    public void nothing() {
    }

    public @Nullable String nothingToo() {
        return null;
    }

    public Mono<String> upper(String text) {
        return Mono.just(text.toUpperCase(java.util.Locale.ROOT));
    }

    public Mono<String> silent() {
        return Mono.empty();
    }

    public Flux<Integer> countTo(int n) {
        return Flux.range(1, n);
    }

    public CompletionStage<Integer> later(int x) {
        return CompletableFuture.completedFuture(x + 1);
    }

    public CompletionStage<Integer> laterFailing() {
        return CompletableFuture.failedFuture(new IllegalArgumentException("late failure"));
    }

    public String threadName() {
        return Thread.currentThread().getName();
    }

    public Mono<String> reactiveThreadName() {
        return Mono.fromCallable(() -> Thread.currentThread().getName());
    }

    public int fails() {
        throw new IllegalStateException("boom");
    }

    public int failsWithoutMessage() {
        throw new UnsupportedOperationException();
    }

    public int forbidden() {
        throw MpregException.of(ErrorKind.FORBIDDEN, "not for you");
    }

    public int failsChecked() throws IOException {
        throw new IOException("disk gone");
    }

    public Mono<Integer> failsReactively() {
        return Mono.error(new IllegalArgumentException("no"));
    }

    public Mono<Integer> throwsBeforeReturningMono() {
        throw new IllegalStateException("eager");
    }

    public Exploding unwritable() {
        return new Exploding();
    }

    public static int triple(int x) {
        return 3 * x;
    }

    public int sum(int... xs) {
        return java.util.Arrays.stream(xs).sum();
    }
}
