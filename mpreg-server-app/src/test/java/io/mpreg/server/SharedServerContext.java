package io.mpreg.server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The server app on a random port with the demo functions and a small
 * blocking pool. Every test class carrying this annotation shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "mpreg.node.name=test-node",
        "mpreg.node.resources=demo,cpu",
        "mpreg.node.blocking.pool-size=2",
        "mpreg.node.blocking.queue-capacity=2"})
@ActiveProfiles("demo")
@interface SharedServerContext {
}
