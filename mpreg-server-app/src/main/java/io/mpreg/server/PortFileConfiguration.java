package io.mpreg.server;

import java.io.File;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerPortFileWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Writes the port the server bound to a file once it listens, when
 * {@code mpreg.server.port-file} ({@code MPREG_PORT_FILE}) names one: lets a
 * supervisor or a test that started the node with {@code server.port=0}
 * learn its port without parsing logs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("mpreg.server.port-file")
class PortFileConfiguration {

    @Bean
    WebServerPortFileWriter mpregPortFileWriter(Environment environment) {
        return new WebServerPortFileWriter(new File(environment.getRequiredProperty("mpreg.server.port-file")));
    }
}
