package io.mpreg.spring.autoconfigure;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import io.mpreg.core.function.FunctionDescriptor;
import io.mpreg.core.function.FunctionRegistry;
import io.mpreg.core.function.MethodInvokers;
import io.mpreg.core.node.MpregNode;
import io.mpreg.spring.MpregFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;

/**
 * Finds every {@link MpregFunction} bean method once all singletons exist and
 * registers it on the embedded node.
 *
 * <p>Annotations are read from the bean's target class (so methods of
 * AOP-proxied beans are found), and the method is invoked through the bean
 * itself (so the proxy's advice applies).
 */
final class MpregFunctionRegistrar implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(MpregFunctionRegistrar.class);

    private final ConfigurableListableBeanFactory beanFactory;
    private final Supplier<MpregNode> node;

    MpregFunctionRegistrar(ConfigurableListableBeanFactory beanFactory, Supplier<MpregNode> node) {
        this.beanFactory = Objects.requireNonNull(beanFactory, "beanFactory");
        this.node = Objects.requireNonNull(node, "node");
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<AnnotatedFunction> functions = new ArrayList<>();
        for (String beanName : beanFactory.getBeanNamesForType(Object.class, false, false)) {
            if (ScopedProxyUtils.isScopedTarget(beanName)) {
                continue;
            }
            Class<?> targetType = targetTypeOf(beanName);
            if (targetType != null) {
                functions.addAll(functionsOf(beanName, targetType));
            }
        }
        if (functions.isEmpty()) {
            return;
        }
        MpregNode target = node.get();
        FunctionRegistry registry = target.registry();
        for (AnnotatedFunction function : functions) {
            registry.register(function.descriptor(), MethodInvokers.forMethod(function.bean(), function.method(),
                    target.mapper(), target.blockingExecutor()));
            log.info("Registered function '{}' from {}.{}", function.descriptor().name(),
                    function.method().getDeclaringClass().getSimpleName(), function.method().getName());
        }
    }

    private @Nullable Class<?> targetTypeOf(String beanName) {
        try {
            return AutoProxyUtils.determineTargetClass(beanFactory, beanName);
        }
        catch (RuntimeException unresolvable) {
            // A bean whose type cannot be determined offers no annotated methods we could see.
            log.debug("Could not resolve the target class of bean '{}'", beanName, unresolvable);
            return null;
        }
    }

    private List<AnnotatedFunction> functionsOf(String beanName, Class<?> targetType) {
        Map<Method, MergedAnnotation<MpregFunction>> annotated = MethodIntrospector.selectMethods(targetType,
                (MethodIntrospector.MetadataLookup<MergedAnnotation<MpregFunction>>) method -> {
                    MergedAnnotation<MpregFunction> annotation = MergedAnnotations
                            .from(method, SearchStrategy.TYPE_HIERARCHY).get(MpregFunction.class);
                    return annotation.isPresent() ? annotation : null;
                });
        if (annotated.isEmpty()) {
            return List.of();
        }
        Object bean = beanFactory.getBean(beanName);
        List<AnnotatedFunction> functions = new ArrayList<>(annotated.size());
        annotated.forEach((method, annotation) -> functions.add(new AnnotatedFunction(
                descriptorOf(method, annotation), bean, AopUtils.selectInvocableMethod(method, bean.getClass()))));
        return functions;
    }

    static FunctionDescriptor descriptorOf(Method method, MergedAnnotation<MpregFunction> annotation) {
        String name = annotation.getString("name");
        return new FunctionDescriptor(
                name.isEmpty() ? method.getName() : name,
                annotation.getString("version"),
                new LinkedHashSet<>(List.of(annotation.getStringArray("resources"))),
                annotation.getString("description"),
                annotation.getBoolean("idempotent"));
    }

    private record AnnotatedFunction(FunctionDescriptor descriptor, Object bean, Method method) {
    }
}
