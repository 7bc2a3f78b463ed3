package io.mpreg.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Subscribes a Spring bean method to MPREG topics, the way
 * {@code @KafkaListener} subscribes one to Kafka topics.
 *
 * <p>The method takes exactly one parameter: a
 * {@link io.mpreg.core.pubsub.PubSubMessage} receives the whole message (topic,
 * payload, headers, id, publisher, time); any other type receives the payload
 * converted from JSON with the application's mapper. Subscriptions start when
 * the application context has started and end when it stops. With the
 * embedded node on, they are registered on it in process (no socket); with
 * {@code mpreg.node.enabled=false} they go through the {@code MpregClient}
 * bean to the nodes of {@code mpreg.client.urls} and are registered again
 * after a reconnect.
 *
 * <p>Each subscription calls its method for one message at a time, in the
 * order delivered, on a worker thread (so the method may block). A message
 * whose payload cannot be converted, or on which the method throws, is logged
 * and skipped. Messages wait in the node's bounded per-subscriber queue under
 * its slow-subscriber policy (the client's bounded buffer, dropping the oldest,
 * when subscribed through the client).
 *
 * <pre>{@code
 * @Component
 * class Dashboard {
 *     @MpregSubscriber(patterns = "sensors.*.building1.#")
 *     void onReading(Reading reading) {
 *         show(reading);
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MpregSubscriber {

    /** The topic patterns ({@code *} one word, {@code #} any number of words); at least one. */
    String[] patterns();
}
