package io.mpreg.core.cluster;

import java.util.List;
import java.util.Objects;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The router's answer: a member to run the call, or why there is none. */
public sealed interface RouteChoice {

    /**
     * A member that offers the function with every requested resource.
     *
     * @param member   where to run the call
     * @param function the function as that member offers it
     */
    record Routed(Member member, FunctionEntry function) implements RouteChoice {
        public Routed {
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(function, "function");
        }
    }

    /**
     * No live member matches.
     *
     * @param function      the function asked for
     * @param locs          the resources asked for
     * @param functionKnown whether some live member offers the function, only without all of {@code locs}
     */
    record NoRoute(String function, List<String> locs, boolean functionKnown) implements RouteChoice {
        public NoRoute {
            Objects.requireNonNull(function, "function");
            locs = List.copyOf(locs);
        }

        /** Why nothing matched, in words. */
        public String reason() {
            if (!functionKnown) {
                return "no node offers '" + function + "'";
            }
            return "no node offers '" + function + "' with resources " + locs;
        }

        /** The protocol error for the caller: {@code FUNCTION_NOT_FOUND} with {@code fun} and {@code locs} details. */
        public MpregException toException() {
            ObjectNode details = JsonNodeFactory.instance.objectNode();
            details.put("fun", function);
            ArrayNode array = details.putArray("locs");
            locs.forEach(array::add);
            return MpregException.of(ErrorKind.FUNCTION_NOT_FOUND, reason(), details);
        }
    }
}
