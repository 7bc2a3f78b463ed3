package io.mpreg.spring.autoconfigure;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import io.mpreg.core.pubsub.PubSubMessage;
import io.mpreg.spring.MpregSubscriber;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.util.ReflectionUtils;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds every {@link MpregSubscriber} bean method and keeps one subscription
 * per method while the context runs: started with the context, disposed when
 * it stops. Where the messages come from (the embedded node's exchange, or the
 * client) is decided by the source function it is given.
 */
final class MpregSubscriberRegistrar implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MpregSubscriberRegistrar.class);
    /** Messages a subscription hands to its worker ahead of the method; the rest wait upstream, bounded there. */
    private static final int PREFETCH = 256;

    private final ConfigurableListableBeanFactory beanFactory;
    private final Function<List<String>, Flux<PubSubMessage>> source;
    private final Supplier<JsonMapper> mappers;
    private final List<Disposable> running = new ArrayList<>();
    private JsonMapper mapper = JsonMapper.builder().build();
    private @Nullable Scheduler workers;

    /**
     * @param source the messages matching a list of patterns, subscribed once per annotated method
     * @param mappers the mapper that converts payloads to the methods' parameter types, looked up at start
     */
    MpregSubscriberRegistrar(ConfigurableListableBeanFactory beanFactory,
            Function<List<String>, Flux<PubSubMessage>> source, Supplier<JsonMapper> mappers) {
        this.beanFactory = Objects.requireNonNull(beanFactory, "beanFactory");
        this.source = Objects.requireNonNull(source, "source");
        this.mappers = Objects.requireNonNull(mappers, "mappers");
    }

    @Override
    public synchronized void start() {
        mapper = mappers.get();
        List<AnnotatedSubscriber> subscribers = findSubscribers();
        if (subscribers.isEmpty()) {
            return;
        }
        Scheduler scheduler = Schedulers.newBoundedElastic(Schedulers.DEFAULT_BOUNDED_ELASTIC_SIZE,
                Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE, "mpreg-subscriber");
        workers = scheduler;
        for (AnnotatedSubscriber subscriber : subscribers) {
            running.add(source.apply(subscriber.patterns())
                    .publishOn(scheduler, PREFETCH)
                    .subscribe(subscriber::deliver, error -> log.error("Subscription of {} to {} ended: {}",
                            subscriber.describe(), subscriber.patterns(), error.getMessage())));
            log.info("Subscribed {} to {}", subscriber.describe(), subscriber.patterns());
        }
    }

    @Override
    public synchronized void stop() {
        running.forEach(Disposable::dispose);
        running.clear();
        Scheduler scheduler = workers;
        if (scheduler != null) {
            scheduler.dispose();
            workers = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return workers != null;
    }

    /** The last phase, after the web server has started: the client may need to reach a node that it serves. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    private List<AnnotatedSubscriber> findSubscribers() {
        List<AnnotatedSubscriber> found = new ArrayList<>();
        for (String beanName : beanFactory.getBeanNamesForType(Object.class, false, false)) {
            if (ScopedProxyUtils.isScopedTarget(beanName)) {
                continue;
            }
            Class<?> targetType = AutoProxyUtils.determineTargetClass(beanFactory, beanName);
            if (targetType == null) {
                continue;
            }
            Map<Method, MergedAnnotation<MpregSubscriber>> annotated = MethodIntrospector.selectMethods(targetType,
                    (MethodIntrospector.MetadataLookup<MergedAnnotation<MpregSubscriber>>) method -> {
                        MergedAnnotation<MpregSubscriber> annotation = MergedAnnotations
                                .from(method, SearchStrategy.TYPE_HIERARCHY).get(MpregSubscriber.class);
                        return annotation.isPresent() ? annotation : null;
                    });
            if (annotated.isEmpty()) {
                continue;
            }
            Object bean = beanFactory.getBean(beanName);
            annotated.forEach((method, annotation) -> found.add(subscriber(bean,
                    AopUtils.selectInvocableMethod(method, bean.getClass()), annotation)));
        }
        return found;
    }

    private AnnotatedSubscriber subscriber(Object bean, Method method, MergedAnnotation<MpregSubscriber> annotation) {
        List<String> patterns = Arrays.asList(annotation.getStringArray("patterns"));
        if (patterns.isEmpty()) {
            throw new IllegalStateException("@MpregSubscriber on " + method + " names no pattern");
        }
        if (method.getParameterCount() != 1) {
            throw new IllegalStateException("@MpregSubscriber method " + method
                    + " must take exactly one parameter (the payload or a PubSubMessage)");
        }
        ReflectionUtils.makeAccessible(method);
        JavaType parameter = mapper.constructType(method.getGenericParameterTypes()[0]);
        return new AnnotatedSubscriber(bean, method, List.copyOf(patterns), parameter);
    }

    private final class AnnotatedSubscriber {
        private final Object bean;
        private final Method method;
        private final List<String> patterns;
        private final JavaType parameter;

        AnnotatedSubscriber(Object bean, Method method, List<String> patterns, JavaType parameter) {
            this.bean = bean;
            this.method = method;
            this.patterns = patterns;
            this.parameter = parameter;
        }

        List<String> patterns() {
            return patterns;
        }

        String describe() {
            return method.getDeclaringClass().getSimpleName() + "." + method.getName();
        }

        void deliver(PubSubMessage message) {
            Object argument;
            try {
                argument = parameter.getRawClass() == PubSubMessage.class ? message
                        : mapper.convertValue(message.payload(), parameter);
            } catch (JacksonException | IllegalArgumentException e) {
                log.warn("Skipping message {} on '{}' for {}: its payload cannot be read as {}: {}",
                        message.messageId(), message.topic(), describe(), parameter.toCanonical(), e.getMessage());
                return;
            }
            try {
                ReflectionUtils.invokeMethod(method, bean, argument);
            } catch (RuntimeException e) {
                log.warn("{} failed on message {} on '{}'", describe(), message.messageId(), message.topic(), e);
            }
        }
    }
}
