package io.mpreg.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import javax.net.ssl.TrustManagerFactory;

import io.mpreg.client.internal.ClientSettings;
import io.mpreg.client.internal.DefaultMpregClient;
import io.mpreg.core.transport.ReconnectBackoff;
import io.mpreg.core.wire.WireCodec;
import org.jspecify.annotations.Nullable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Options of an {@link MpregClient}. Every setter checks its value at once;
 * {@link #build()} needs at least one URL.
 *
 * <p>Defaults: requests time out after 30 s; 5 s to open a connection; 5
 * rounds over all URLs per connection attempt, 100 ms apart at first and
 * doubling up to 5 s, each delay varied by up to 20%; frames up to 20 MiB;
 * {@link WireCodec#defaultMapper()}; Reactor's parallel scheduler.
 */
public final class MpregClientBuilder {

    private List<String> urls = List.of();
    private JsonMapper mapper = WireCodec.defaultMapper();
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private ReconnectBackoff backoff = ReconnectBackoff.DEFAULT;
    private int connectRounds = 5;
    private int maxFrameSize = 20 * 1024 * 1024;
    private Scheduler scheduler = Schedulers.parallel();
    private Random random = new Random();
    private @Nullable TrustManagerFactory trustManagers;
    private int subscriptionBuffer = 10_000;

    MpregClientBuilder() {
    }

    /** The node URLs ({@code ws://host:port/mpreg} or {@code wss://...}), in failover order. */
    public MpregClientBuilder urls(String... nodeUrls) {
        List<String> checked = List.of(nodeUrls);
        if (checked.isEmpty()) {
            throw new IllegalArgumentException("at least one node URL is required");
        }
        checked.forEach(MpregClientBuilder::requireWebSocketUrl);
        this.urls = checked;
        return this;
    }

    /** The mapper that writes arguments and reads results. */
    public MpregClientBuilder mapper(JsonMapper jsonMapper) {
        this.mapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
        return this;
    }

    /** The timeout of requests that do not give their own; sent to the node, which enforces it too. */
    public MpregClientBuilder requestTimeout(Duration timeout) {
        this.requestTimeout = requirePositive(timeout, "requestTimeout");
        return this;
    }

    /** How long opening one connection may take. */
    public MpregClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = requirePositive(timeout, "connectTimeout");
        return this;
    }

    /** The delay before the second round of connection attempts, and the most any delay grows to. */
    public MpregClientBuilder reconnectBackoff(Duration initial, Duration max) {
        this.backoff = new ReconnectBackoff(requirePositive(initial, "initial"), requirePositive(max, "max"),
                backoff.jitter());
        return this;
    }

    /** How many rounds over all URLs one connection attempt makes before failing its calls. */
    public MpregClientBuilder connectRounds(int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("connectRounds must be at least 1 but was " + rounds);
        }
        this.connectRounds = rounds;
        return this;
    }

    /** The largest reply accepted, in bytes. */
    public MpregClientBuilder maxFrameSize(int bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("maxFrameSize must be positive but was " + bytes);
        }
        this.maxFrameSize = bytes;
        return this;
    }

    /** Where replies are read, calls completed and timeouts and backoff delays timed. */
    public MpregClientBuilder scheduler(Scheduler replyScheduler) {
        this.scheduler = Objects.requireNonNull(replyScheduler, "replyScheduler");
        return this;
    }

    /** The random source of the backoff jitter (seed it to replay a run). */
    public MpregClientBuilder random(Random jitterRandom) {
        this.random = Objects.requireNonNull(jitterRandom, "jitterRandom");
        return this;
    }

    /** Trusts these certificates for {@code wss://} URLs instead of the JVM's default trust store. */
    public MpregClientBuilder trust(TrustManagerFactory trustManagerFactory) {
        this.trustManagers = Objects.requireNonNull(trustManagerFactory, "trustManagerFactory");
        return this;
    }

    /**
     * How many received messages each subscription holds for a subscriber
     * that has not requested them yet; beyond it the oldest are dropped
     * (10,000 by default).
     */
    public MpregClientBuilder subscriptionBuffer(int messages) {
        if (messages < 1) {
            throw new IllegalArgumentException("subscription buffer must be at least 1 but was " + messages);
        }
        this.subscriptionBuffer = messages;
        return this;
    }

    /** A client with these options; it connects on its first call. */
    public MpregClient build() {
        if (urls.isEmpty()) {
            throw new IllegalStateException("no node URL was set: call urls(...) first");
        }
        return new DefaultMpregClient(new ClientSettings(urls, mapper, requestTimeout, connectTimeout, backoff,
                connectRounds, maxFrameSize, scheduler, random, trustManagers, subscriptionBuffer));
    }

    private static void requireWebSocketUrl(String url) {
        Objects.requireNonNull(url, "url");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: '" + url + "'", e);
        }
        if (!("ws".equals(uri.getScheme()) || "wss".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("not a ws:// or wss:// URL: '" + url + "'");
        }
    }

    private static Duration requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive but was " + duration);
        }
        return duration;
    }
}
