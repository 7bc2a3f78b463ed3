package io.mpreg.admin.alert;

/** What an alert rule watches; the parameters each kind needs are listed with it. */
public enum RuleKind {
    /** A member is SUSPECT or DEAD (one alert per member). */
    MEMBER_DOWN(false, false),
    /** Fewer than {@code threshold} members of a cluster are alive (one alert per cluster). */
    LIVE_MEMBERS_BELOW(true, false),
    /** No alive member offers {@code function} (or, without one, any function of the catalog). */
    FUNCTION_UNAVAILABLE(false, false),
    /** No seed of a cluster answers the poll (one alert per cluster). */
    CLUSTER_UNREACHABLE(false, false),
    /** An alive member's Actuator health is not UP, or cannot be read (one alert per member). */
    NODE_UNHEALTHY(false, false),
    /** The share of a member's failed commands since the previous poll compares with {@code threshold} (0-1). */
    ERROR_RATE_ABOVE(true, false),
    /** A member's 99th percentile command latency in milliseconds compares with {@code threshold}. */
    P99_ABOVE(true, false),
    /** A statistic of a meter (with tags) of a member compares with {@code threshold}. */
    METER(true, true);

    private final boolean needsThreshold;
    private final boolean needsMeter;

    RuleKind(boolean needsThreshold, boolean needsMeter) {
        this.needsThreshold = needsThreshold;
        this.needsMeter = needsMeter;
    }

    /** Whether rules of this kind need a threshold. */
    public boolean needsThreshold() {
        return needsThreshold;
    }

    /** Whether rules of this kind need a meter name. */
    public boolean needsMeter() {
        return needsMeter;
    }
}
