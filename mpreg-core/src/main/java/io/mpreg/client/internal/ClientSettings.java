package io.mpreg.client.internal;

import io.mpreg.core.transport.ReconnectBackoff;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.json.JsonMapper;

/** The validated options of a client, as built by {@code MpregClientBuilder}. */
public record ClientSettings(List<String> urls, JsonMapper mapper, Duration requestTimeout, Duration connectTimeout,
                             ReconnectBackoff backoff, int connectRounds, int maxFrameSize, Scheduler scheduler,
                             Random random, @Nullable TrustManagerFactory trustManagers, int subscriptionBuffer) {

    /** How long past a request's own timeout the client still waits for the node's (timeout) reply. */
    public static final Duration REPLY_GRACE = Duration.ofSeconds(2);

    public ClientSettings {
        urls = List.copyOf(urls);
    }
}
