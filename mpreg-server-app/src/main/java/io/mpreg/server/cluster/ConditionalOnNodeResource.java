package io.mpreg.server.cluster;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Creates the bean only on a node whose {@code mpreg.node.resources} include
 * the given tag, so its functions exist only where the node's resources say.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnNodeResourceCondition.class)
@interface ConditionalOnNodeResource {

    /** The resource tag the node must hold. */
    String value();
}
