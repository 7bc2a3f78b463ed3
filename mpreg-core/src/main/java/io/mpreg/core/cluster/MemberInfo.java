package io.mpreg.core.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * What a member announces about itself: where to reach it and what it offers.
 * Changes only when the member itself announces a new incarnation.
 *
 * @param address       the peer (fabric) URL other members send cluster messages to
 * @param clientUrl     the URL clients connect to, or {@code null}
 * @param managementUrl the management (Actuator) URL, or {@code null}
 * @param resources     the member's resource tags
 * @param functions     the functions it offers, sorted by name then version
 */
public record MemberInfo(String address, @Nullable String clientUrl, @Nullable String managementUrl,
        SortedSet<String> resources, List<FunctionEntry> functions) {

    private static final Comparator<FunctionEntry> ORDER =
            Comparator.comparing(FunctionEntry::name).thenComparing(FunctionEntry::version);

    public MemberInfo {
        Objects.requireNonNull(address, "address");
        resources = Collections.unmodifiableSortedSet(new TreeSet<>(resources));
        List<FunctionEntry> sorted = new ArrayList<>(functions);
        sorted.sort(ORDER);
        functions = List.copyOf(sorted);
    }

    /** A member reachable at the given address, offering nothing yet. */
    public static MemberInfo at(String address) {
        return new MemberInfo(address, null, null, new TreeSet<>(), List.of());
    }

    /** The same member with the given resources. */
    public MemberInfo withResources(Set<String> newResources) {
        return new MemberInfo(address, clientUrl, managementUrl, new TreeSet<>(newResources), functions);
    }

    /** The same member with the given client and management URLs. */
    public MemberInfo withUrls(@Nullable String newClientUrl, @Nullable String newManagementUrl) {
        return new MemberInfo(address, newClientUrl, newManagementUrl, resources, functions);
    }

    /** The same member offering the given function too (replacing one of the same name and version). */
    public MemberInfo withFunction(FunctionEntry function) {
        List<FunctionEntry> more = new ArrayList<>(functions.size() + 1);
        for (FunctionEntry existing : functions) {
            if (!(existing.name().equals(function.name()) && existing.version().equals(function.version()))) {
                more.add(existing);
            }
        }
        more.add(function);
        return new MemberInfo(address, clientUrl, managementUrl, resources, more);
    }

    /** The same member no longer offering any version of the named function. */
    public MemberInfo withoutFunction(String name) {
        List<FunctionEntry> fewer = new ArrayList<>(functions.size());
        for (FunctionEntry existing : functions) {
            if (!existing.name().equals(name)) {
                fewer.add(existing);
            }
        }
        return new MemberInfo(address, clientUrl, managementUrl, resources, fewer);
    }
}
