package io.mpreg.benchmarks.load;

import io.mpreg.core.node.MpregNode;

/**
 * An MPREG node without Spring (core's own Reactor Netty WebSocket listener),
 * so run-load.sh can show how much of the round trip the server app's WebFlux
 * layer adds: {@code java -cp ... io.mpreg.benchmarks.load.MpregNodeServer <port>};
 * prints {@code READY url=<url>} once listening, then serves until stopped.
 */
public final class MpregNodeServer {

    private MpregNodeServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: MpregNodeServer <port>");
            System.exit(2);
        }
        MpregNode node = MpregNode.builder().name("load-node").host("127.0.0.1").port(Integer.parseInt(args[0])).start();
        Runtime.getRuntime().addShutdownHook(new Thread(node::close));
        System.out.println("READY url=" + node.url());
        Thread.currentThread().join();
    }
}
