package io.mpreg.server.demo;

import java.time.Duration;

import io.mpreg.spring.MpregFunction;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Functions that fail or take their time, to see errors and timeouts on the wire. */
@Component
@Profile("demo")
public class DemoFaults {

    /** Always throws, so the caller gets a FUNCTION_FAILED error carrying this message. */
    @MpregFunction(description = "Always fails with the given message")
    public String fail(String message) {
        throw new IllegalStateException(message);
    }

    /** Answers {@code millis} after a delay of that many milliseconds, without holding a thread. */
    @MpregFunction(description = "Answers after the given number of milliseconds", idempotent = true)
    public Mono<Long> sleep(long millis) {
        return Mono.delay(Duration.ofMillis(millis)).thenReturn(millis);
    }

    /** Holds a worker of the blocking pool for {@code millis} milliseconds, then answers {@code millis}. */
    @MpregFunction(description = "Blocks a worker thread for the given number of milliseconds", idempotent = true)
    public long block(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return millis;
    }
}
