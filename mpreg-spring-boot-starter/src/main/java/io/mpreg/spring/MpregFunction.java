package io.mpreg.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Offers a Spring bean method as an MPREG function on the application's
 * embedded node.
 *
 * <p>Every bean of the context is scanned once all singletons exist; each
 * annotated method becomes a function that any client or peer can call by
 * {@link #name()}. Arguments arrive as JSON and are converted to the method's
 * parameter types; the return value is sent back as JSON. A method returning
 * {@code Mono}, {@code Flux} or {@code CompletionStage} runs where it is
 * called; any other method runs on the node's bounded worker pool, so it may
 * block.
 *
 * <pre>{@code
 * @Component
 * class Greeter {
 *     @MpregFunction(resources = "greeting")
 *     String greet(String name) {
 *         return "Hello, " + name;
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MpregFunction {

    /** The function's name on the cluster; the method's name when empty. */
    String name() default "";

    /** The resource tags this function is offered under; a call's {@code locs} must all be among the node's. */
    String[] resources() default {};

    /** The function's version. */
    String version() default "1.0.0";

    /** A human-readable description, shown in the catalog. */
    String description() default "";

    /** Whether calling the function twice with the same arguments is safe (lets callers retry it). */
    boolean idempotent() default false;
}
