package io.mpreg.core.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicPatternTest {

    @ParameterizedTest(name = "''{0}'' matches ''{1}'': {2}")
    @CsvSource({
            "a.b.c, a.b.c, true",
            "a.b.c, a.b, false",
            "a.*.c, a.b.c, true",
            "a.*.c, a.c, false",
            "a.*, a.b.c, false",
            "a.#, a, true",
            "a.#, a.b, true",
            "a.#, a.b.c, true",
            "a.#, b.a, false",
            "#.c, c, true",
            "#.c, a.b.c, true",
            "#.c, a.b.c.d, false",
            "#, anything.at.all, true",
            "a.#.c, a.c, true",
            "a.#.c, a.x.y.c, true",
            "a.#.c, a.x.y.d, false",
            "#.b.#, a.b.c, true",
            "#.b.#, b, true",
            "#.b.#, a.c, false",
            "*.#, a, true",
            "#.*, a.b, true",
            "*.*.#, a, false",
            "sensors.*.building1.#, sensors.temperature.building1.floor2, true",
            "sensors.*.building1.#, sensors.temperature.building2.floor2, false",
            "a.#.b.#.c, a.b.x.b.c, true",
            "a.#.b.#.c, a.c.b, false"
    })
    void wildcardPatternsFollowAmqpRules(String pattern, String topic, boolean expected) {
        assertThat(TopicPattern.of(pattern).matches(topic)).isEqualTo(expected);
        assertThat(ReferenceMatcher.matches(TopicPattern.of(pattern), topic)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.*", "a.#", "a.b"})
    void exactPatternMatchesOnlyItsLiteralText(String text) {
        TopicPattern exact = TopicPattern.exact(text);
        assertThat(exact.matches(text)).isTrue();
        assertThat(exact.matches("a.x")).isFalse();
        assertThat(exact.hasWildcards()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "a.", ".a", "a..b"})
    void emptyWordsAreRejected(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> TopicPattern.of(text));
        assertThat(TopicPattern.topicProblem(text)).isNotNull();
    }

    @ParameterizedTest
    @CsvSource({"a.b, false", "a.*, true", "#, true", "a.b#, false"})
    void wildcardsAreWholeWordsOnly(String text, boolean wildcard) {
        assertThat(TopicPattern.of(text).hasWildcards()).isEqualTo(wildcard);
    }
}
