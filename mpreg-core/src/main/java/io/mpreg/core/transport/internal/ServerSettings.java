package io.mpreg.core.transport.internal;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.mpreg.core.transport.ConnectionHandler;
import javax.net.ssl.KeyManagerFactory;

import org.jspecify.annotations.Nullable;

/**
 * Everything needed to bind a WebSocket server.
 *
 * @param host        the interface to listen on
 * @param port        the port, 0 for an ephemeral one
 * @param paths       the paths that accept the WebSocket upgrade
 * @param session     frame limit and keep-alive timings of each connection
 * @param bindTimeout how long binding may take
 * @param keyManagers the server's key and certificate for TLS ({@code wss://}), or {@code null} for plain
 * @param handler     serves each connection; required to bind
 */
public record ServerSettings(String host, int port, List<String> paths, SessionSettings session,
                             Duration bindTimeout, @Nullable KeyManagerFactory keyManagers,
                             @Nullable ConnectionHandler handler) {

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be within 0..65535 but was " + port);
        }
        paths = List.copyOf(paths);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("at least one path is required");
        }
        for (String path : paths) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path must start with '/' but was '" + path + "'");
            }
        }
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(bindTimeout, "bindTimeout");
    }

    public ServerSettings withHost(String newHost) {
        return new ServerSettings(newHost, port, paths, session, bindTimeout, keyManagers, handler);
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(host, newPort, paths, session, bindTimeout, keyManagers, handler);
    }

    public ServerSettings withPaths(List<String> newPaths) {
        return new ServerSettings(host, port, newPaths, session, bindTimeout, keyManagers, handler);
    }

    public ServerSettings withSession(SessionSettings newSession) {
        return new ServerSettings(host, port, paths, newSession, bindTimeout, keyManagers, handler);
    }

    public ServerSettings withBindTimeout(Duration newBindTimeout) {
        return new ServerSettings(host, port, paths, session, newBindTimeout, keyManagers, handler);
    }


    public ServerSettings withHandler(ConnectionHandler newHandler) {
        return new ServerSettings(host, port, paths, session, bindTimeout, keyManagers, newHandler);
    }

    public ServerSettings withKeyManagers(KeyManagerFactory newKeyManagers) {
        return new ServerSettings(host, port, paths, session, bindTimeout, newKeyManagers, handler);
    }
}
