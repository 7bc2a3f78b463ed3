package io.mpreg.core.pubsub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordTableTest {

    @Test
    void wordsAreFoundByTheirRegionOfATopicWithoutCopyingIt() {
        WordTable<Integer> table = WordTable.<Integer>empty().with("orders", 1).with("eu", 2);
        String topic = "orders.eu.created";

        assertThat(table.get(topic, 0, 6, WordTable.hash(topic, 0, 6))).isEqualTo(1);
        assertThat(table.get(topic, 7, 9, WordTable.hash(topic, 7, 9))).isEqualTo(2);
        assertThat(table.get(topic, 10, 17, WordTable.hash(topic, 10, 17))).isNull();
        assertThat(WordTable.hash(topic, 10, 17)).isEqualTo("created".hashCode());
    }

    @Test
    void wordsWithTheSameHashAreKeptApart() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        WordTable<String> table = WordTable.<String>empty().with("Aa", "first").with("BB", "second");

        assertThat(table.get("Aa")).isEqualTo("first");
        assertThat(table.get("BB")).isEqualTo("second");
        assertThat(table.without("Aa").get("BB")).isEqualTo("second");
        assertThat(table.without("Aa").get("Aa")).isNull();
    }

    @Test
    void writersGetNewTablesAndReadersKeepTheOldOnes() {
        WordTable<Integer> small = WordTable.<Integer>empty().with("a", 1);
        WordTable<Integer> large = small;
        for (int i = 0; i < 100; i++) {
            large = large.with("w" + i, i);
        }

        assertThat(small.size()).isEqualTo(1);
        assertThat(small.get("w5")).isNull();
        assertThat(large.size()).isEqualTo(101);
        assertThat(large.get("w99")).isEqualTo(99);
        assertThat(large.with("a", 7).get("a")).isEqualTo(7);
        assertThat(large.with("a", 7).size()).isEqualTo(101);
        assertThat(large.without("missing")).isSameAs(large);
    }
}
