package io.mpreg.core.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * What a cluster scenario needs from the world it runs in: start, crash,
 * restart and split nodes, and wait for a condition. The simulated network
 * implements it on virtual time; a real-socket harness implements it with
 * WebSocket peer links and Awaitility (one scenario suite, several transports).
 */
public interface ClusterHarness {

    /** Starts a node with the given id, joining through the given seed nodes. */
    ClusterNode start(String id, ClusterConfig config, List<String> seedIds, List<FunctionEntry> functions);

    /** Crashes a node (no goodbye). */
    void kill(String id);

    /** Restarts a killed node under the same id and address. */
    ClusterNode restart(String id, List<FunctionEntry> functions);

    /** Makes a node leave gracefully. */
    void leave(String id);

    /** Splits the nodes into two groups that cannot reach each other. */
    void partition(Set<String> group, Set<String> otherGroup);

    /** Ends the partition. */
    void heal();

    /** Makes the network lose the given fraction of messages from now on. */
    void setLoss(double rate);

    /** Waits until the condition holds; false if {@code within} passes first. */
    boolean await(BooleanSupplier condition, Duration within);

    /** Time passed since the harness started (virtual or real). */
    Duration now();
}
