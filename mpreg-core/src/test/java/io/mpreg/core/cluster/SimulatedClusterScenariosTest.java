package io.mpreg.core.cluster;

/** The cluster scenarios on the deterministic simulated network (virtual time, fixed seed). */
class SimulatedClusterScenariosTest extends ClusterScenarios {

    private static final long SEED = 20261121L;

    @Override
    ClusterHarness harness() {
        return new SimulatedClusterHarness(SEED);
    }
}
