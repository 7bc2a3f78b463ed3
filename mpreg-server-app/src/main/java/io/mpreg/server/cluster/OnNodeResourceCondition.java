package io.mpreg.server.cluster;

import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the node's resource tags, bound as the node itself binds them, hold the required one. */
final class OnNodeResourceCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        MergedAnnotation<ConditionalOnNodeResource> annotation =
                metadata.getAnnotations().get(ConditionalOnNodeResource.class);
        String required = annotation.getString("value");
        List<String> resources = Binder.get(context.getEnvironment())
                .bind("mpreg.node.resources", Bindable.listOf(String.class))
                .orElse(List.of());
        return resources.stream().map(String::trim).anyMatch(required::equals);
    }
}
