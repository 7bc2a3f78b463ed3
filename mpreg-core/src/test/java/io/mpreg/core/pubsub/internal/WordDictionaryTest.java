package io.mpreg.core.pubsub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mpreg.core.pubsub.internal.WordDictionary.Word;
import org.junit.jupiter.api.Test;

class WordDictionaryTest {

    @Test
    void wordsAreFoundByTheirRegionOfATopicWithoutCopyingIt() {
        WordDictionary dictionary = new WordDictionary();
        Word orders = dictionary.acquire("orders");
        Word eu = dictionary.acquire("eu");
        String topic = "orders.eu.created";

        assertThat(dictionary.find(topic, 0, 6)).isSameAs(orders);
        assertThat(dictionary.find(topic, 7, 9)).isSameAs(eu);
        assertThat(dictionary.find(topic, 10, 17)).isNull();
        assertThat(WordDictionary.hash(topic, 10, 17)).isEqualTo("created".hashCode());
    }

    @Test
    void wordsWithTheSameHashAreKeptApart() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        WordDictionary dictionary = new WordDictionary();
        Word first = dictionary.acquire("Aa");
        Word second = dictionary.acquire("BB");

        assertThat(dictionary.find("Aa")).isSameAs(first);
        assertThat(dictionary.find("BB")).isSameAs(second);
        dictionary.release(first);
        assertThat(dictionary.find("Aa")).isNull();
        assertThat(dictionary.find("BB")).isSameAs(second);
    }

    @Test
    void aWordStaysWhileAnyEdgeUsesItAndComesBackAsANewWord() {
        WordDictionary dictionary = new WordDictionary();
        Word word = dictionary.acquire("orders");
        assertThat(dictionary.acquire("orders")).isSameAs(word);

        dictionary.release(word);
        assertThat(dictionary.find("orders")).isSameAs(word);
        dictionary.release(word);
        assertThat(dictionary.find("orders")).isNull();
        assertThat(dictionary.acquire("orders")).isNotSameAs(word);
    }

    @Test
    void churnKeepsEveryLiveWordFindableAndTheTableSmall() {
        WordDictionary dictionary = new WordDictionary();
        Word kept = dictionary.acquire("kept");
        for (int i = 0; i < 10_000; i++) {
            dictionary.release(dictionary.acquire("w" + i));
        }
        Object[] before = dictionary.records();
        for (int i = 0; i < 1_000; i++) {
            dictionary.acquire("live" + i);
        }

        assertThat(dictionary.find("kept")).isSameAs(kept);
        assertThat(dictionary.find("w9999")).isNull();
        assertThat(dictionary.size()).isEqualTo(1_001);
        assertThat(dictionary.records().length).isLessThanOrEqualTo(4_096);
        assertThat(before).as("a reader holding the old array keeps a consistent table").contains(kept);
        for (int i = 0; i < 1_000; i++) {
            assertThat(dictionary.find("live" + i)).isNotNull();
        }
    }
}
