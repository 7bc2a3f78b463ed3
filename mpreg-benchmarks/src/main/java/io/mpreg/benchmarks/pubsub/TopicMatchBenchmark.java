package io.mpreg.benchmarks.pubsub;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.mpreg.core.pubsub.TopicPattern;
import io.mpreg.core.pubsub.internal.TopicIndex;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Topic matching against 100,000 subscriptions: half exact topics, 30% with a
 * {@code *} word, 20% with a {@code #} word ({@code a.b.c.#}, {@code #.c.d},
 * {@code a.#.d}); a topic matches about nine of them. Three measurements:
 * <ul>
 * <li>{@code cacheHit}: the 1,024 hottest topics, all held by the match cache
 * (65,536 slots; topics whose slot another hot topic already took are left
 * out), so every lookup is a hit;</li>
 * <li>{@code cacheMiss}: no cache, so every lookup walks the literal map and
 * the wildcard trie, with topics drawn from all 100,000 by a Zipf
 * distribution (exponent 1);</li>
 * <li>{@code zipfWithCache}: the realistic mix, the same Zipf draw through the cache.</li>
 * </ul>
 * Every lookup gets a fresh copy of its topic, as a topic read from a frame would be.
 *
 * <p>Run: {@code ./mvnw -q -pl mpreg-benchmarks -am compile}, then
 * {@code java -cp mpreg-benchmarks/target/classes:mpreg-core/target/classes:$(cat cp.txt) org.openjdk.jmh.Main TopicMatchBenchmark}
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
    private static final int HOT_TOPICS = 1_024;
    private static final int CACHE_SLOTS = 65_536;
    private static final int SAMPLES = 1 << 20;
    private static final int[] WORDS_PER_LEVEL = {20, 100, 100, 50};

    private TopicIndex<Object> cached;
    private TopicIndex<Object> uncached;
    private String[] zipf;
    private String[] hot;
    private int next;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        String[] topics = new String[DISTINCT_TOPICS];
        for (int i = 0; i < DISTINCT_TOPICS; i++) {
            topics[i] = randomTopic(random);
        }
        cached = new TopicIndex<>(CACHE_SLOTS);
        uncached = new TopicIndex<>(0);
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            TopicPattern pattern = randomPattern(random, topics[random.nextInt(DISTINCT_TOPICS)]);
            Object subscription = new Object();
            cached.add(pattern, subscription);
            uncached.add(pattern, subscription);
        }
        zipf = zipfSamples(random, topics);
        hot = hotSamples(topics);
        for (String topic : hot) {
            cached.match(topic);
        }
    }

    @Benchmark
    public List<Object> cacheHit() {
        return cached.match(new String(hot[next++ & (SAMPLES - 1)]));
    }

    @Benchmark
    public List<Object> cacheMiss() {
        return uncached.match(new String(zipf[next++ & (SAMPLES - 1)]));
    }

    @Benchmark
    public List<Object> zipfWithCache() {
        return cached.match(new String(zipf[next++ & (SAMPLES - 1)]));
    }

    // The hottest topics (the lowest Zipf ranks) that each get a cache slot of their own,
    // spread the way the match cache spreads them, repeated to fill the sample array.
    private static String[] hotSamples(String[] topics) {
        Set<Integer> taken = new HashSet<>();
        List<String> chosen = new ArrayList<>(HOT_TOPICS);
        for (int rank = 0; rank < topics.length && chosen.size() < HOT_TOPICS; rank++) {
            int hash = topics[rank].hashCode();
            if (taken.add((hash ^ (hash >>> 16)) & (CACHE_SLOTS - 1))) {
                chosen.add(topics[rank]);
            }
        }
        String[] samples = new String[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            samples[i] = chosen.get(i % chosen.size());
        }
        return samples;
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
            drawn[i] = topics[low];
        }
        return drawn;
    }
}
