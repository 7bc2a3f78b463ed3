package io.mpreg.core.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.NullNode;

class FunctionRegistryTest {

    private static final FunctionInvoker NOTHING = (args, kwargs) -> Mono.just(NullNode.getInstance());

    private final FunctionRegistry registry = new FunctionRegistry();

    @Test
    void aRegisteredFunctionIsFoundByName() {
        registry.register(FunctionDescriptor.of("add"), NOTHING);

        assertThat(registry.find("add")).get()
                .satisfies(found -> assertThat(found.descriptor()).isEqualTo(FunctionDescriptor.of("add")))
                .satisfies(found -> assertThat(found.invoker()).isSameAs(NOTHING));
        assertThat(registry.find("sub")).isEmpty();
    }

    @Test
    void registeringTheSameNameTwiceIsRefusedWithAClearMessage() {
        registry.register(FunctionDescriptor.of("add"), NOTHING);

        assertThatThrownBy(() -> registry.register(FunctionDescriptor.of("add").withVersion("2.0.0"), NOTHING))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'add' is already registered (version 1.0.0)");
        assertThat(registry.find("add")).get().extracting(f -> f.descriptor().version()).isEqualTo("1.0.0");
    }

    @Test
    void unregisteringRemovesTheFunctionAndSaysWhetherItWasThere() {
        registry.register(FunctionDescriptor.of("add"), NOTHING);

        assertThat(registry.unregister("add")).isTrue();
        assertThat(registry.unregister("add")).isFalse();
        assertThat(registry.find("add")).isEmpty();
        registry.register(FunctionDescriptor.of("add"), NOTHING);
        assertThat(registry.find("add")).isPresent();
    }

    @Test
    void descriptorsAreListedByName() {
        registry.register(FunctionDescriptor.of("zeta"), NOTHING);
        registry.register(FunctionDescriptor.of("alpha"), NOTHING);
        registry.register(FunctionDescriptor.of("mid"), NOTHING);

        assertThat(registry.descriptors()).extracting(FunctionDescriptor::name).containsExactly("alpha", "mid", "zeta");
    }

    @Test
    void listenersHearEveryRegistrationAndRemovalButNotRefusals() {
        List<String> events = new ArrayList<>();
        registry.addListener(new FunctionRegistry.Listener() {
            @Override
            public void registered(FunctionDescriptor descriptor) {
                events.add("+" + descriptor.name());
            }

            @Override
            public void unregistered(FunctionDescriptor descriptor) {
                events.add("-" + descriptor.name());
            }
        });

        registry.register(FunctionDescriptor.of("a"), NOTHING);
        assertThatThrownBy(() -> registry.register(FunctionDescriptor.of("a"), NOTHING));
        registry.unregister("a");
        registry.unregister("a");

        assertThat(events).containsExactly("+a", "-a");
    }

    @Test
    void aFailingListenerDoesNotStopRegistrationOrOtherListeners() {
        List<String> heard = new ArrayList<>();
        registry.addListener(new FunctionRegistry.Listener() {
            @Override
            public void registered(FunctionDescriptor descriptor) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void unregistered(FunctionDescriptor descriptor) {
            }
        });
        registry.addListener(new FunctionRegistry.Listener() {
            @Override
            public void registered(FunctionDescriptor descriptor) {
                heard.add(descriptor.name());
            }

            @Override
            public void unregistered(FunctionDescriptor descriptor) {
            }
        });

        registry.register(FunctionDescriptor.of("a"), NOTHING);

        assertThat(registry.find("a")).isPresent();
        assertThat(heard).containsExactly("a");
    }

    @Test
    void concurrentRegistrationsAreAllKept() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int base = t * 250;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 250; i++) {
                    registry.register(FunctionDescriptor.of("f" + (base + i)), NOTHING);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join(10_000);
        }

        assertThat(registry.descriptors()).hasSize(1000);
    }
}
