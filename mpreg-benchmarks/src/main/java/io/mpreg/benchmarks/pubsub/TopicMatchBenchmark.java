package io.mpreg.benchmarks.pubsub;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.mpreg.core.pubsub.TopicPattern;
import io.mpreg.core.pubsub.internal.TopicIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Topic matching against 100,000 subscriptions: half exact topics, 30% with a
 * {@code *} word, 20% with a {@code #} word ({@code a.b.c.#}, {@code #.c.d},
 * {@code a.#.d}); a topic matches about nine of them. Topics are drawn from 100,000
 * four-word topics with a Zipf distribution (exponent 1), as real traffic
 * concentrates on few topics. {@code cache} compares the match cache (65,536
 * slots, where the hot topics hit) with no cache (every match walks the trie).
 *
 * <p>Run: {@code ./mvnw -q -pl mpreg-benchmarks -am compile}, then
 * {@code java -cp mpreg-benchmarks/target/classes:$(cat cp.txt) org.openjdk.jmh.Main TopicMatchBenchmark}
 * with the classpath from {@code ./mvnw -q -pl mpreg-benchmarks dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TopicMatchBenchmark {

    private static final int SUBSCRIPTIONS = 100_000;
    private static final int DISTINCT_TOPICS = 100_000;
    private static final int SAMPLES = 1 << 20;
    private static final int[] WORDS_PER_LEVEL = {20, 100, 100, 50};

    @Param({"on", "off"})
    public String cache;

    private TopicIndex<Object> index;
    private String[] samples;
    private int next;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        String[] topics = new String[DISTINCT_TOPICS];
        for (int i = 0; i < DISTINCT_TOPICS; i++) {
            topics[i] = randomTopic(random);
        }
        index = new TopicIndex<>(cache.equals("on") ? 65_536 : 0);
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            index.add(randomPattern(random, topics[random.nextInt(DISTINCT_TOPICS)]), new Object());
        }
        samples = zipfSamples(random, topics);
    }

    @Benchmark
    public List<Object> match() {
        return index.match(samples[next++ & (SAMPLES - 1)]);
    }

    private static String randomTopic(Random random) {
        StringBuilder topic = new StringBuilder();
        for (int level = 0; level < WORDS_PER_LEVEL.length; level++) {
            if (level > 0) {
                topic.append('.');
            }
            topic.append("l").append(level).append('w').append(random.nextInt(WORDS_PER_LEVEL[level]));
        }
        return topic.toString();
    }

    private static TopicPattern randomPattern(Random random, String topic) {
        int kind = random.nextInt(10);
        if (kind < 5) {
            return TopicPattern.exact(topic);
        }
        List<String> words = new ArrayList<>(List.of(TopicPattern.split(topic)));
        if (kind < 8) {
            words.set(random.nextInt(words.size()), TopicPattern.ONE_WORD);
            return TopicPattern.of(String.join(".", words));
        }
        String last = words.get(words.size() - 1);
        String pattern = switch (random.nextInt(3)) {
            case 0 -> String.join(".", words.subList(0, 3)) + ".#";
            case 1 -> "#." + words.get(words.size() - 2) + "." + last;
            default -> words.get(0) + ".#." + last;
        };
        return TopicPattern.of(pattern);
    }

    // Inverse-CDF sampling of ranks 1..n with probability proportional to 1/rank.
    private static String[] zipfSamples(Random random, String[] topics) {
        double[] cumulative = new double[topics.length];
        double sum = 0;
        for (int rank = 1; rank <= topics.length; rank++) {
            sum += 1.0 / rank;
            cumulative[rank - 1] = sum;
        }
        String[] drawn = new String[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            double target = random.nextDouble() * sum;
            int low = 0;
            int high = topics.length - 1;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (cumulative[mid] < target) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            // A fresh copy, as a topic read from a frame would be: no identity shortcut in equals.
            drawn[i] = new String(topics[low]);
        }
        return drawn;
    }
}
