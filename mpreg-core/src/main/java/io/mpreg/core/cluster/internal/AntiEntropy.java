package io.mpreg.core.cluster.internal;

import java.util.ArrayList;
import java.util.List;

import io.mpreg.core.cluster.ClusterPayload.SyncDigest;
import io.mpreg.core.cluster.ClusterPayload.SyncState;
import io.mpreg.core.cluster.MemberRecord;
import org.jspecify.annotations.Nullable;

/**
 * Push-pull anti-entropy by digest: a node sends per-bucket hashes of its
 * live members; the peer answers only if some bucket differs, with its
 * records of those buckets and a request for the sender's. A converged pair
 * exchanges one small message. Repairs whatever gossip lost.
 */
final class AntiEntropy {

    private final Membership membership;

    AntiEntropy(Membership membership) {
        this.membership = membership;
    }

    SyncDigest digest() {
        long[] digest = membership.table().digest();
        List<Long> buckets = new ArrayList<>(digest.length);
        for (long bucket : digest) {
            buckets.add(bucket);
        }
        return new SyncDigest(buckets);
    }

    /** The answer to a peer's digest: nothing if equal, else our records of the differing buckets and a request for theirs. */
    @Nullable SyncState answer(SyncDigest theirs) {
        long[] ours = membership.table().digest();
        if (theirs.buckets().size() != ours.length) {
            return fullState(true);
        }
        boolean[] differing = new boolean[ours.length];
        List<Integer> want = new ArrayList<>();
        for (int i = 0; i < ours.length; i++) {
            if (ours[i] != theirs.buckets().get(i)) {
                differing[i] = true;
                want.add(i);
            }
        }
        if (want.isEmpty()) {
            return null;
        }
        return new SyncState(membership.table().recordsInBuckets(differing), want);
    }

    /** Our records of the buckets a peer asked for, or {@code null} if it asked for none. */
    @Nullable SyncState requested(List<Integer> wantBuckets) {
        if (wantBuckets.isEmpty()) {
            return null;
        }
        int bucketCount = membership.table().digest().length;
        boolean[] wanted = new boolean[bucketCount];
        for (int bucket : wantBuckets) {
            if (bucket < bucketCount) {
                wanted[bucket] = true;
            }
        }
        return new SyncState(membership.table().recordsInBuckets(wanted), List.of());
    }

    /** Every record we hold, optionally asking the peer for all of its own. */
    SyncState fullState(boolean askBack) {
        List<MemberRecord> all = new ArrayList<>(membership.table().size());
        membership.table().forEach(all::add);
        List<Integer> want = new ArrayList<>();
        if (askBack) {
            for (int i = 0; i < membership.table().digest().length; i++) {
                want.add(i);
            }
        }
        return new SyncState(all, want);
    }
}
