package io.mpreg.spring.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.mpreg.client.MpregClient;
import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.node.MpregNode;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import reactor.test.StepVerifier;

@SpringBootTest(classes = ExampleApplication.class, properties = {
        "spring.main.web-application-type=none",
        "mpreg.node.host=127.0.0.1", "mpreg.node.port=0", "mpreg.node.resources=greeting"})
class ExampleApplicationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    MpregClient client;

    @Autowired
    MpregNode node;

    @Autowired
    Counter counter;

    @Autowired
    GreetingLog greetingLog;

    @Test
    void anAnnotatedBeanMethodIsCalledThroughTheInjectedClientOverARealSocket() {
        StepVerifier.create(client.call("greet", String.class, "Ada"))
                .expectNext("Hello, Ada")
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void theAnnotationsAttributesBecomeTheFunctionsDescriptor() {
        assertThat(node.registry().find("greet-all")).hasValueSatisfying(function -> {
            assertThat(function.descriptor().version()).isEqualTo("2.0.0");
            assertThat(function.descriptor().idempotent()).isTrue();
        });
        assertThat(node.registry().find("greet")).hasValueSatisfying(function -> {
            assertThat(function.descriptor().resources()).containsExactly("greeting");
            assertThat(function.descriptor().description()).isEqualTo("Greets someone by name");
        });
        assertThat(node.registry().find("greetAll")).isEmpty();
    }

    @Test
    void genericParametersAndResultsAreConverted() {
        assertThat(client.blocking().call("greet-all", List.class, List.of("Ada", "Linus")))
                .isEqualTo(List.of("Hello, Ada", "Hello, Linus"));
    }

    @Test
    void aMethodOfAProxiedBeanIsInvokedThroughTheProxy() {
        assertThat(AopUtils.isAopProxy(counter)).isTrue();
        int advisedBefore = ExampleApplication.ADVISED_CALLS.get();

        Integer total = client.blocking().call("count", Integer.class, 5);

        assertThat(total).isPositive();
        assertThat(ExampleApplication.ADVISED_CALLS.get()).isEqualTo(advisedBefore + 1);
    }

    @Test
    void aFunctionThatDoesNotExistFailsWithItsProtocolKind() {
        StepVerifier.create(client.call("nobody-offers-this", String.class))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(MpregException.class,
                                failure -> assertThat(failure.kind()).isEqualTo(ErrorKind.FUNCTION_NOT_FOUND)))
                .verify(WAIT);
    }

    @Test
    void aSubscriberBeanReceivesPublishedMessagesAsItsParameterType() {
        client.publish("greetings.fr", Map.of("name", "Ada", "language", "fr")).block(WAIT);
        client.publish("farewells.fr", Map.of("name", "Ada", "language", "fr")).block(WAIT);
        client.publish("greetings.en", Map.of("name", "Linus", "language", "en")).block(WAIT);

        await().atMost(WAIT).until(() -> greetingLog.greetings.size() == 2);
        assertThat(greetingLog.greetings).containsExactly(new GreetingLog.Greeting("Ada", "fr"),
                new GreetingLog.Greeting("Linus", "en"));
    }
}
