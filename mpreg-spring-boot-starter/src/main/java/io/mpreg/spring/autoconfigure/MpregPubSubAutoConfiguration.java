package io.mpreg.spring.autoconfigure;

import java.util.concurrent.atomic.AtomicLong;

import io.mpreg.client.MpregClient;
import io.mpreg.core.node.MpregNode;
import io.mpreg.core.pubsub.PubSubExchange;
import io.mpreg.core.pubsub.PubSubMessage;
import io.mpreg.core.pubsub.SubscriptionRequest;
import io.mpreg.core.pubsub.TopicPattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pub/sub for Spring beans: every {@link io.mpreg.spring.MpregSubscriber}
 * method is subscribed while the context runs, in process on the embedded
 * node's exchange when there is one, otherwise through the
 * {@code MpregClient} bean.
 */
@AutoConfiguration(after = {MpregNodeAutoConfiguration.class, MpregClientAutoConfiguration.class})
@ConditionalOnClass(PubSubExchange.class)
public final class MpregPubSubAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    static MpregSubscriberRegistrar mpregSubscriberRegistrar(ConfigurableListableBeanFactory beanFactory,
            ObjectProvider<MpregNode> node, ObjectProvider<MpregClient> client, ObjectProvider<JsonMapper> mapper) {
        AtomicLong sequence = new AtomicLong();
        return new MpregSubscriberRegistrar(beanFactory, patterns -> {
            MpregNode embedded = node.getIfUnique();
            if (embedded != null) {
                return embedded.pubSub().subscribeInProcess(new SubscriptionRequest(
                        "spring-" + sequence.incrementAndGet(), patterns.stream().map(TopicPattern::of).toList(),
                        "spring", false, null));
            }
            MpregClient remote = client.getIfUnique();
            if (remote == null) {
                return Flux.<PubSubMessage>error(new IllegalStateException("@MpregSubscriber methods need the embedded"
                        + " node (mpreg.node.enabled) or the client bean (mpreg.client.enabled)"));
            }
            return remote.subscribe(patterns.toArray(String[]::new));
        }, () -> {
            MpregNode embedded = node.getIfUnique();
            return embedded != null ? embedded.mapper() : mapper.getIfUnique(() -> JsonMapper.builder().build());
        });
    }
}
