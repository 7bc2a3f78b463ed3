package io.mpreg.core.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of the cluster as one node sees it: every known member
 * and the function catalog of the live ones. Published atomically, so readers
 * (the router, the admin endpoint) never lock.
 */
public final class ClusterView {

    private final String localId;
    private final Map<String, Member> members;
    private final Map<String, List<Offer>> catalog;

    private ClusterView(String localId, Map<String, Member> members, Map<String, List<Offer>> catalog) {
        this.localId = localId;
        this.members = members;
        this.catalog = catalog;
    }

    /**
     * A view of the given members. Catalog entries come from live (alive or
     * suspect) members only: a dead or departed member's functions are gone.
     */
    public static ClusterView of(String localId, List<Member> members) {
        Objects.requireNonNull(localId, "localId");
        Map<String, Member> byId = new LinkedHashMap<>(members.size() * 2);
        Map<String, List<Offer>> catalog = new HashMap<>();
        List<Member> sorted = new ArrayList<>(members);
        sorted.sort((a, b) -> a.id().compareTo(b.id()));
        for (Member member : sorted) {
            byId.put(member.id(), member);
            if (member.status().isLive()) {
                for (FunctionEntry function : member.info().functions()) {
                    catalog.computeIfAbsent(function.name(), name -> new ArrayList<>()).add(new Offer(member, function));
                }
            }
        }
        catalog.replaceAll((name, offers) -> List.copyOf(offers));
        return new ClusterView(localId, Collections.unmodifiableMap(byId), Collections.unmodifiableMap(catalog));
    }

    /** The id of the node holding this view. */
    public String localId() {
        return localId;
    }

    /** Every known member (this node included), in any status, by id. */
    public Map<String, Member> members() {
        return members;
    }

    /** A member by id, or {@code null}. */
    public @Nullable Member member(String id) {
        return members.get(id);
    }

    /** The members alive or suspect, this node included. */
    public List<Member> liveMembers() {
        List<Member> live = new ArrayList<>(members.size());
        for (Member member : members.values()) {
            if (member.status().isLive()) {
                live.add(member);
            }
        }
        return live;
    }

    /** Every live offer of the named function (any version). */
    public List<Offer> offers(String function) {
        return catalog.getOrDefault(function, List.of());
    }

    /** The names of all functions some live member offers. */
    public Set<String> functionNames() {
        return catalog.keySet();
    }
}
