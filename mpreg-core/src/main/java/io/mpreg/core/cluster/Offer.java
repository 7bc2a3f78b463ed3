package io.mpreg.core.cluster;

import java.util.Objects;

/**
 * A live member offering a function: one entry of the catalog.
 *
 * @param member   the member
 * @param function the function as that member announced it
 */
public record Offer(Member member, FunctionEntry function) {

    public Offer {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(function, "function");
    }
}
