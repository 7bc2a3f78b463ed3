package io.mpreg.core.cluster;

import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>Compact until read: a snapshot holds only an array of the (shared,
 * immutable) member records; the by-id map and the catalog index are built on
 * first use and kept. A simulation of 10,000 nodes publishes a view per node
 * per change without building 10,000 indexes nobody reads.
 */
public final class ClusterView {

    private record Index(Map<String, Member> members, Map<String, List<Offer>> catalog) {
    }

    private final String localId;
    private final MemberRecord[] records;
    private final Map<String, Integer> loads;
    private final int localLoad;
    private volatile @Nullable Index index;

    private ClusterView(String localId, MemberRecord[] records, Map<String, Integer> loads, int localLoad) {
        this.localId = localId;
        this.records = records;
        this.loads = loads;
        this.localLoad = localLoad;
    }

    /**
     * A view of the given member records.
     *
     * @param localId   the id of the node holding the view
     * @param records   every known member's record (copied)
     * @param loads     known loads of other members (copied); absent means 0
     * @param localLoad the local node's load
     */
    public static ClusterView of(String localId, MemberRecord[] records, Map<String, Integer> loads, int localLoad) {
        Objects.requireNonNull(localId, "localId");
        return new ClusterView(localId, records.clone(), Map.copyOf(loads), localLoad);
    }

    /** A view of the given members (their loads and local flags as given). */
    public static ClusterView of(String localId, List<Member> members) {
        Map<String, Integer> loads = new HashMap<>();
        MemberRecord[] records = new MemberRecord[members.size()];
        int localLoad = 0;
        for (int i = 0; i < records.length; i++) {
            Member member = members.get(i);
            records[i] = member.record();
            if (member.id().equals(localId)) {
                localLoad = member.load();
            } else if (member.load() != 0) {
                loads.put(member.id(), member.load());
            }
        }
        return of(localId, records, loads, localLoad);
    }

    /** The id of the node holding this view. */
    public String localId() {
        return localId;
    }

    /** How many members the view holds, in any status. */
    public int size() {
        return records.length;
    }

    /** Every known member (this node included), in any status, by id in id order. */
    public Map<String, Member> members() {
        return index().members();
    }

    /** A member by id, or {@code null}. */
    public @Nullable Member member(String id) {
        return index().members().get(id);
    }

    /** The members alive or suspect, this node included. */
    public List<Member> liveMembers() {
        List<Member> live = new ArrayList<>(records.length);
        for (Member member : index().members().values()) {
            if (member.status().isLive()) {
                live.add(member);
            }
        }
        return live;
    }

    /** Every live offer of the named function (any version), in member id order. */
    public List<Offer> offers(String function) {
        return index().catalog().getOrDefault(function, List.of());
    }

    /** The names of all functions some live member offers. */
    public Set<String> functionNames() {
        return index().catalog().keySet();
    }

    private Index index() {
        Index built = index;
        if (built == null) {
            built = buildIndex();
            index = built;
        }
        return built;
    }

    private Index buildIndex() {
        MemberRecord[] sorted = records.clone();
        Arrays.sort(sorted, (a, b) -> a.id().compareTo(b.id()));
        Map<String, Member> byId = new LinkedHashMap<>(sorted.length * 2);
        Map<String, List<Offer>> catalog = new HashMap<>();
        for (MemberRecord record : sorted) {
            boolean local = record.id().equals(localId);
            Member member = new Member(record, local ? localLoad : loads.getOrDefault(record.id(), 0), local);
            byId.put(record.id(), member);
            if (record.status().isLive()) {
                for (FunctionEntry function : record.info().functions()) {
                    catalog.computeIfAbsent(function.name(), name -> new ArrayList<>()).add(new Offer(member, function));
                }
            }
        }
        catalog.replaceAll((name, offers) -> List.copyOf(offers));
        return new Index(Collections.unmodifiableMap(byId), Collections.unmodifiableMap(catalog));
    }
}
