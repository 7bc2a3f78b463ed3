package io.mpreg.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RpcCommandTest {

    @Test
    void ofTakesPositionalArgumentsWithoutKwargsOrLocs() {
        RpcCommand command = RpcCommand.of("|first", "echo", "hi", 2);

        assertThat(command.args()).containsExactly("hi", 2);
        assertThat(command.kwargs()).isEmpty();
        assertThat(command.locs()).isEmpty();
    }

    @Test
    void nullArgumentsAreKept() {
        RpcCommand command = RpcCommand.of("n", "echo", (Object) null);

        assertThat(command.args()).isEqualTo(Arrays.asList((Object) null));
    }

    @Test
    void kwargsAndLocsAreAddedWithoutChangingTheOriginal() {
        RpcCommand original = RpcCommand.of("c", "scale", 1);

        RpcCommand changed = original.withKwarg("factor", 2).withKwargs(Map.of("offset", 3)).withLocs("gpu", "eu");

        assertThat(changed.kwargs()).containsExactlyInAnyOrderEntriesOf(Map.of("factor", 2, "offset", 3));
        assertThat(changed.locs()).containsExactly("gpu", "eu");
        assertThat(original.kwargs()).isEmpty();
        assertThat(original.locs()).isEmpty();
    }

    @Test
    void laterKwargReplacesEarlierOfTheSameName() {
        RpcCommand command = RpcCommand.of("c", "f").withKwarg("k", 1).withKwarg("k", 2);

        assertThat(command.kwargs()).containsExactly(Map.entry("k", 2));
    }

    @Test
    void argumentListsAreCopied() {
        List<Object> args = new java.util.ArrayList<>(List.of(1));
        RpcCommand command = new RpcCommand("c", "f", args, Map.of(), List.of());

        args.add(2);

        assertThat(command.args()).containsExactly(1);
    }
}
