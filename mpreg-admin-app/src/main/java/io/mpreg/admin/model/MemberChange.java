package io.mpreg.admin.model;

import org.jspecify.annotations.Nullable;

/**
 * A member of a watched cluster changed state between two polls.
 *
 * @param cluster the watched cluster's name
 * @param id      the member's id
 * @param from    its previous state, {@code null} when it was not known before
 * @param to      its new state, {@code null} when the cluster no longer lists it
 */
public record MemberChange(String cluster, String id, @Nullable MemberStatus from, @Nullable MemberStatus to) {
}
