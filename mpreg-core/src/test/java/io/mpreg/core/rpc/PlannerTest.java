package io.mpreg.core.rpc;

import static io.mpreg.core.rpc.Commands.command;
import static io.mpreg.core.rpc.Commands.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.wire.CommandSpec;
import org.junit.jupiter.api.Test;

class PlannerTest {

    @Test
    void theThreeCommandExampleHasTwoSinks() {
        RequestPlan plan = Planner.plan(List.of(
                command("|first", "echo", "[\"hi there!\"]"),
                command("|second", "echo", "[\"|first\"]"),
                command("|third", "echos", "[\"|first\", \"AND ME TOO\"]")));

        assertThat(plan.dependencies()).containsExactly(
                entry("|first", List.of()), entry("|second", List.of("|first")), entry("|third", List.of("|first")));
        assertThat(plan.sinks()).containsExactly("|second", "|third");
        assertThat(plan.topologicalOrder()).containsExactly("|first", "|second", "|third");
        assertThat(plan.size()).isEqualTo(3);
    }

    @Test
    void referencesAreFoundAtAnyDepthInArgsAndKwargs() {
        RequestPlan plan = Planner.plan(List.of(
                command("a", "f", "[]"),
                command("b", "f", "[]"),
                command("c", "f", "[[1, {\"deep\": [\"a\"]}]]", "{\"k\": {\"list\": [\"b.x.0\"]}}")));

        assertThat(plan.dependencies().get("c")).containsExactly("a", "b");
        assertThat(plan.sinks()).containsExactly("c");
    }

    @Test
    void onlyWholeStringsAreReferences() {
        RequestPlan plan = Planner.plan(List.of(
                command("a", "f", "[]"),
                command("b", "f", "[\"a \", \" a\", \"xa\", \"a|\", \"nota.b\", \"A\", 1, true, null]")));

        assertThat(plan.dependencies().get("b")).isEmpty();
        assertThat(plan.sinks()).containsExactly("a", "b");
    }

    @Test
    void aDottedStringReferencesTheCommandBeforeTheFirstDot() {
        RequestPlan plan = Planner.plan(List.of(
                command("a", "f", "[]"),
                command("b", "f", "[\"a.x\", \"a.list.3\", \"a.\"]")));

        assertThat(plan.dependencies().get("b")).containsExactly("a");
        assertThat(plan.sinks()).containsExactly("b");
    }

    @Test
    void aNameContainingADotIsReferencedWhole() {
        RequestPlan plan = Planner.plan(List.of(command("a.b", "f", "[]"), command("c", "f", "[\"a.b\"]")));

        assertThat(plan.dependencies().get("c")).containsExactly("a.b");
    }

    @Test
    void commandsMayReferenceLaterCommands() {
        RequestPlan plan = Planner.plan(List.of(command("late", "f", "[\"early\"]"), command("early", "f", "[]")));

        assertThat(plan.topologicalOrder()).containsExactly("early", "late");
        assertThat(plan.sinks()).containsExactly("late");
    }

    @Test
    void repeatedReferencesToOneCommandCountOnce() {
        RequestPlan plan = Planner.plan(List.of(command("a", "f", "[]"), command("b", "f", "[\"a\", \"a\", \"a.x\"]",
                "{\"k\": \"a\"}")));

        assertThat(plan.dependencies().get("b")).containsExactly("a");
    }

    @Test
    void anEmptyRequestHasAnEmptyPlan() {
        RequestPlan plan = Planner.plan(List.of());

        assertThat(plan.sinks()).isEmpty();
        assertThat(plan.topologicalOrder()).isEmpty();
    }

    @Test
    void duplicateNamesAreRejectedNamingThem() {
        MpregException failure = rejection(List.of(
                command("a", "f", "[]"), command("b", "f", "[]"), command("a", "g", "[]"),
                command("b", "g", "[]"), command("a", "h", "[]")));

        assertThat(failure.kind()).isEqualTo(ErrorKind.DUPLICATE_NAME);
        assertThat(failure).hasMessageContaining("[a, b]");
        assertThat(failure.details()).isEqualTo(json("{\"names\": [\"a\", \"b\"]}"));
    }

    @Test
    void aCommandReferencingItselfIsACycle() {
        MpregException failure = rejection(List.of(command("a", "f", "[]"), command("self", "f", "[{\"x\": \"self.y\"}]")));

        assertThat(failure.kind()).isEqualTo(ErrorKind.CYCLE);
        assertThat(failure.details()).isEqualTo(json("{\"commands\": [\"self\"]}"));
        assertThat(failure).hasMessageContaining("self -> self");
    }

    @Test
    void aCycleIsRejectedNamingOnlyTheCommandsOnIt() {
        MpregException failure = rejection(List.of(
                command("root", "f", "[]"),
                command("x", "f", "[\"root\", \"z\"]"),
                command("y", "f", "[\"x\"]"),
                command("z", "f", "[\"y\"]"),
                command("downstream", "f", "[\"z\"]")));

        assertThat(failure.kind()).isEqualTo(ErrorKind.CYCLE);
        assertThat(failure.code()).isEqualTo(1007);
        assertThat(failure.details().get("commands")).containsExactlyInAnyOrder(
                json("\"x\""), json("\"y\""), json("\"z\""));
        assertThat(failure).hasMessageContaining("x -> z -> y -> x");
    }

    private static java.util.Map.Entry<String, List<String>> entry(String key, List<String> value) {
        return java.util.Map.entry(key, value);
    }

    private static MpregException rejection(List<CommandSpec> commands) {
        return catchThrowableOfType(MpregException.class, () -> Planner.plan(commands));
    }
}
