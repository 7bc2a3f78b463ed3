package io.mpreg.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/**
 * The floor under both systems: a bare loopback TCP server that writes back
 * every byte it reads, one blocking thread per connection, no framing, no parsing.
 *
 * <p>Run as its own process by run-load.sh:
 * {@code java -cp ... io.mpreg.benchmarks.load.TcpEchoServer 0}; prints
 * {@code READY port=<port>} once listening.
 */
public final class TcpEchoServer implements AutoCloseable {

    private final ServerSocket listener;

    private TcpEchoServer(ServerSocket listener) {
        this.listener = listener;
    }

    /** Listens on 127.0.0.1 and the given port (0 for any free one) and serves from a daemon thread. */
    public static TcpEchoServer start(int port) throws IOException {
        ServerSocket listener = new ServerSocket(port, 16, InetAddress.getLoopbackAddress());
        TcpEchoServer server = new TcpEchoServer(listener);
        Thread acceptor = new Thread(server::acceptUntilClosed, "tcp-echo-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    /** The port it listens on. */
    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }

    private void acceptUntilClosed() {
        while (!listener.isClosed()) {
            try {
                Socket connection = listener.accept();
                connection.setTcpNoDelay(true);
                Thread echo = new Thread(() -> echo(connection), "tcp-echo-" + connection.getPort());
                echo.setDaemon(true);
                echo.start();
            } catch (IOException e) {
                // The listener was closed: nothing more to accept.
                return;
            }
        }
    }

    private static void echo(Socket connection) {
        byte[] buffer = new byte[64 * 1024];
        try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
            }
        } catch (SocketException e) {
            // The peer reset the connection: the same as a close for an echo.
        } catch (IOException e) {
            throw new IllegalStateException("echo connection failed", e);
        }
    }

    public static void main(String[] args) throws Exception {
        TcpEchoServer server = start(args.length == 1 ? Integer.parseInt(args[0]) : 0);
        System.out.println("READY port=" + server.port());
        Thread.currentThread().join();
    }
}
