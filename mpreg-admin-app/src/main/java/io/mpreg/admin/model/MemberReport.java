package io.mpreg.admin.model;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * One member as a node's {@code mpreg.cluster} report describes it.
 *
 * @param id                the member's id, unique in its cluster
 * @param status            what the failure detector says
 * @param incarnation       the member's incarnation number (grows when it refutes a suspicion or restarts)
 * @param resources         the resource tags the member offers
 * @param load              the member's load as it advertises it (in-flight commands)
 * @param url               the member's WebSocket URL
 * @param managementUrl     where its Actuator is served ({@code /actuator/...} is appended), if it says
 * @param lastSeenMillisAgo how long ago the reporting node last heard from it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MemberReport(String id, MemberStatus status, long incarnation, List<String> resources, double load,
        @Nullable String url, @Nullable String managementUrl, long lastSeenMillisAgo) {

    public MemberReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        resources = resources == null ? List.of() : List.copyOf(resources);
    }
}
