package io.mpreg.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AdvertisedUrlsTest {

    private final MockEnvironment environment = new MockEnvironment();
    private final AdvertisedUrls urls = new AdvertisedUrls(environment, () -> "10.0.0.7");

    @Test
    void aConfiguredUrlWins() {
        assertThat(urls.nodeUrl("ws://node-0.mpreg:9001/mpreg", 41234)).isEqualTo("ws://node-0.mpreg:9001/mpreg");
        assertThat(urls.managementUrl("http://node-0.mpreg:9001/actuator", 41234))
                .isEqualTo("http://node-0.mpreg:9001/actuator");
    }

    @Test
    void theNodeUrlUsesTheBoundPortAndTheMachinesAddress() {
        assertThat(urls.nodeUrl(null, 41234)).isEqualTo("ws://10.0.0.7:41234/mpreg");
        assertThat(urls.nodeUrl("", 41234)).isEqualTo("ws://10.0.0.7:41234/mpreg");
    }

    @Test
    void theServerAddressIsUsedWhenItNamesOneInterface() {
        environment.setProperty("server.address", "127.0.0.1");
        assertThat(urls.nodeUrl(null, 5000)).isEqualTo("ws://127.0.0.1:5000/mpreg");

        environment.setProperty("server.address", "0.0.0.0");
        assertThat(urls.nodeUrl(null, 5000)).isEqualTo("ws://10.0.0.7:5000/mpreg");

        environment.setProperty("server.address", "::1");
        assertThat(urls.nodeUrl(null, 5000)).isEqualTo("ws://[::1]:5000/mpreg");
    }

    @Test
    void aServerWithACertificateIsAdvertisedAsSecure() {
        environment.setProperty("server.ssl.bundle", "node");
        assertThat(urls.nodeUrl(null, 5000)).isEqualTo("wss://10.0.0.7:5000/mpreg");
        assertThat(urls.managementUrl(null, 5000)).isEqualTo("https://10.0.0.7:5000/actuator");

        environment.setProperty("server.ssl.enabled", "false");
        assertThat(urls.nodeUrl(null, 5000)).isEqualTo("ws://10.0.0.7:5000/mpreg");
    }

    @Test
    void theManagementUrlSharesTheBoundPortByDefault() {
        assertThat(urls.managementUrl(null, 5000)).isEqualTo("http://10.0.0.7:5000/actuator");

        environment.setProperty("spring.webflux.base-path", "/app/");
        environment.setProperty("management.endpoints.web.base-path", "manage");
        assertThat(urls.managementUrl(null, 5000)).isEqualTo("http://10.0.0.7:5000/app/manage");
    }

    @Test
    void theManagementUrlUsesActuatorsOwnPortWhenItHasOne() {
        environment.setProperty("management.server.port", "9090");
        environment.setProperty("management.server.base-path", "/ops");
        environment.setProperty("spring.webflux.base-path", "/app");
        assertThat(urls.managementUrl(null, 5000)).isEqualTo("http://10.0.0.7:9090/ops/actuator");
    }

    @Test
    void noManagementUrlIsDerivedForARandomManagementPort() {
        environment.setProperty("management.server.port", "0");
        assertThat(urls.managementUrl(null, 5000)).isNull();
    }
}
