package io.mpreg.core.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FunctionDescriptorTest {

    @Test
    void ofGivesTheDefaultVersionAndNothingElse() {
        FunctionDescriptor descriptor = FunctionDescriptor.of("add");

        assertThat(descriptor).isEqualTo(new FunctionDescriptor("add", "1.0.0", Set.of(), "", false));
    }

    @Test
    void withersChangeOneThingEach() {
        FunctionDescriptor descriptor = FunctionDescriptor.of("train").withVersion("2.1.0-rc.1+build.5")
                .withResources("gpu", "eu").withDescription("Trains a model.").withIdempotent(true);

        assertThat(descriptor.name()).isEqualTo("train");
        assertThat(descriptor.version()).isEqualTo("2.1.0-rc.1+build.5");
        assertThat(descriptor.resources()).containsExactlyInAnyOrder("gpu", "eu");
        assertThat(descriptor.description()).isEqualTo("Trains a model.");
        assertThat(descriptor.idempotent()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void aBlankNameIsRejected(String name) {
        assertThatThrownBy(() -> FunctionDescriptor.of(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.0", "v1.0.0", "01.0.0", "1.0.0.0", "latest", "1.0.0-"})
    void aVersionThatIsNotSemanticIsRejectedNamingIt(String version) {
        assertThatThrownBy(() -> FunctionDescriptor.of("f").withVersion(version))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + version + "'").hasMessageContaining("'f'");
    }

    @Test
    void aBlankResourceIsRejected() {
        assertThatThrownBy(() -> FunctionDescriptor.of("f").withResources("gpu", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resourcesAreCopied() {
        java.util.Set<String> tags = new java.util.HashSet<>(Set.of("gpu"));
        FunctionDescriptor descriptor = FunctionDescriptor.of("f").withResources(tags);
        tags.add("cpu");

        assertThat(descriptor.resources()).containsExactly("gpu");
    }
}
