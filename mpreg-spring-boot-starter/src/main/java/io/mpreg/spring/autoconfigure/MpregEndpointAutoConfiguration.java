package io.mpreg.spring.autoconfigure;

import io.mpreg.core.node.MpregNode;
import io.mpreg.spring.actuate.MpregEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code mpreg} Actuator endpoint ({@link MpregEndpoint}) of the embedded
 * node, when the endpoint is available (exposed, e.g.
 * {@code management.endpoints.web.exposure.include=health,mpreg}).
 */
@AutoConfiguration(after = MpregNodeAutoConfiguration.class)
@ConditionalOnClass({Endpoint.class, MpregNode.class})
@ConditionalOnAvailableEndpoint(MpregEndpoint.class)
public final class MpregEndpointAutoConfiguration {

    @Bean
    @ConditionalOnBean(MpregNode.class)
    @ConditionalOnMissingBean
    MpregEndpoint mpregEndpoint(MpregNode node) {
        return new MpregEndpoint(node);
    }
}
