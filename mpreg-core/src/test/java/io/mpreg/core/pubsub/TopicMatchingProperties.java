package io.mpreg.core.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.mpreg.core.pubsub.internal.TopicIndex;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The pattern matcher and the topic index agree with {@link ReferenceMatcher}
 * on random patterns, topics and add/remove interleavings, with the match cache
 * off, tiny (every topic collides) and roomy.
 */
class TopicMatchingProperties {

    /** An operation on the index: add or remove {@code pattern} for value {@code value}, or match {@code topic}. */
    record Step(int kind, TopicPattern pattern, int value, String topic) {
    }

    /** A registered value; compared by identity, like subscriptions. */
    record Sub(int id) {
    }

    @Property(tries = 2000)
    void patternMatchingAgreesWithTheReference(@ForAll("patterns") TopicPattern pattern,
            @ForAll("topics") String topic) {
        assertThat(pattern.matches(topic)).isEqualTo(ReferenceMatcher.matches(pattern, topic));
    }

    @Property(tries = 300)
    void indexAgreesWithTheReferenceThroughAddsAndRemoves(@ForAll("cacheSlots") int cacheSlots,
            @ForAll("steps") List<Step> steps) {
        agreeWithTheReference(new TopicIndex<>(cacheSlots), steps);
    }

    // Many distinct words and long add/remove runs make the index's tables grow, fill
    // with removed entries and be copied, and make words leave and come back.
    @Property(tries = 60)
    void indexAgreesWithTheReferenceThroughChurnOverManyWords(@ForAll("churnSteps") List<Step> steps) {
        TopicIndex<Sub> index = new TopicIndex<>(0);
        List<Registration> model = agreeWithTheReference(index, steps);
        for (Registration registration : model) {
            assertThat(index.remove(registration.pattern(), registration.sub())).isTrue();
        }
        for (Step step : steps) {
            assertThat(index.match(step.topic())).isEmpty();
        }
    }

    private static List<Registration> agreeWithTheReference(TopicIndex<Sub> index, List<Step> steps) {
        Sub[] subs = {new Sub(0), new Sub(1), new Sub(2), new Sub(3)};
        List<Registration> model = new ArrayList<>();
        for (Step step : steps) {
            Sub sub = subs[step.value()];
            switch (step.kind()) {
                case 0, 1 -> {
                    index.add(step.pattern(), sub);
                    model.add(new Registration(step.pattern(), sub));
                }
                case 2 -> {
                    boolean expected = model.remove(new Registration(step.pattern(), sub));
                    assertThat(index.remove(step.pattern(), sub)).isEqualTo(expected);
                }
                default -> {
                    List<Sub> matched = index.match(step.topic());
                    Set<Sub> expected = model.stream()
                            .filter(r -> ReferenceMatcher.matches(r.pattern(), step.topic()))
                            .map(Registration::sub)
                            .collect(Collectors.toSet());
                    assertThat(matched).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
                }
            }
        }
        return model;
    }

    /** A registration as the index sees it: a pattern without wildcards is the same as its literal topic. */
    record Registration(TopicPattern pattern, Sub sub) {
        Registration {
            pattern = pattern.hasWildcards() ? pattern : TopicPattern.exact(pattern.pattern());
        }
    }

    @Provide
    Arbitrary<Integer> cacheSlots() {
        return Arbitraries.of(0, 1, 64);
    }

    @Provide
    Arbitrary<TopicPattern> patterns() {
        Arbitrary<String> text = Arbitraries.of("a", "b", "c", "*", "#").list().ofMinSize(1).ofMaxSize(6)
                .map(words -> String.join(".", words));
        return Combinators.combine(text, Arbitraries.of(false, false, false, true)).as(TopicPattern::new);
    }

    @Provide
    Arbitrary<String> topics() {
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(10, Arbitraries.of("a", "b", "c")),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of("*", "#")))
                .list().ofMinSize(1).ofMaxSize(7).map(words -> String.join(".", words));
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 5), patterns(),
                Arbitraries.integers().between(0, 3), topics()).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<Step>> churnSteps() {
        Arbitrary<String> word = Arbitraries.integers().between(0, 39).map(i -> "w" + i);
        Arbitrary<String> patternText = Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, word),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of("*", "#")))
                .list().ofMinSize(1).ofMaxSize(4).map(words -> String.join(".", words));
        Arbitrary<TopicPattern> pattern = Combinators.combine(patternText, Arbitraries.of(false, false, true))
                .as(TopicPattern::new);
        Arbitrary<String> topic = word.list().ofMinSize(1).ofMaxSize(4).map(words -> String.join(".", words));
        // Adds and removes in equal measure, so removals often find their registration.
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of(0, 2, 2, 3), pattern,
                Arbitraries.integers().between(0, 3), topic).as(Step::new);
        Arbitrary<List<Step>> added = step.list().ofMinSize(50).ofMaxSize(300);
        return added.map(TopicMatchingProperties::thenRemoveHalf);
    }

    // Removals drawn at random rarely hit a registration among many words, so every
    // other add is also removed later, in the order added.
    private static List<Step> thenRemoveHalf(List<Step> steps) {
        List<Step> all = new ArrayList<>(steps);
        for (int i = 0; i < steps.size(); i += 2) {
            Step step = steps.get(i);
            if (step.kind() == 0) {
                all.add(new Step(2, step.pattern(), step.value(), step.topic()));
                all.add(new Step(3, step.pattern(), step.value(), step.topic()));
            }
        }
        return all;
    }
}
