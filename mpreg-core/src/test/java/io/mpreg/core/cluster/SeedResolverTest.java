package io.mpreg.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SeedResolverTest {

    private static InetAddress ip(String text, int... bytes) throws UnknownHostException {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            raw[i] = (byte) bytes[i];
        }
        return InetAddress.getByAddress(text, raw);
    }

    @Test
    void dnsNameExpandsToOneSeedPerAddressAndIsResolvedAgainEachTime() throws Exception {
        List<List<InetAddress>> answers = new ArrayList<>(List.of(
                List.of(ip("mpreg", 10, 0, 0, 1), ip("mpreg", 10, 0, 0, 2)),
                List.of(ip("mpreg", 10, 0, 0, 3))));
        SeedResolver seeds = SeedResolver.of(List.of("ws://mpreg-headless:7070/mpreg"), host -> answers.remove(0));
        assertThat(seeds.resolve()).containsExactly("ws://10.0.0.1:7070/mpreg", "ws://10.0.0.2:7070/mpreg");
        assertThat(seeds.resolve()).containsExactly("ws://10.0.0.3:7070/mpreg");
    }

    @Test
    void literalAddressesPassThroughAndAnUnresolvableNameIsSkipped() {
        SeedResolver seeds = SeedResolver.of(List.of("ws://10.1.2.3:7070/mpreg", "ws://nowhere:7070/mpreg"),
                host -> {
                    throw new UnknownHostException(host);
                });
        assertThat(seeds.resolve()).containsExactly("ws://10.1.2.3:7070/mpreg");
    }

    @Test
    void seedThatIsNotAWebSocketUrlFailsAtOnce() {
        assertThatIllegalArgumentException().isThrownBy(() -> SeedResolver.of("http://a:1/mpreg"))
                .withMessageContaining("must be a ws:// or wss:// URL");
        assertThatIllegalArgumentException().isThrownBy(() -> SeedResolver.of("ws://a/mpreg"))
                .withMessageContaining("must name a host and a port");
    }
}
