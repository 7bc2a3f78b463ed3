package io.mpreg.spring.actuate;

import java.util.Objects;

import io.mpreg.core.node.MpregNode;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code mpreg} Actuator endpoint ({@code GET /actuator/mpreg}): the
 * embedded node and its live pub/sub subscriptions, under
 * {@code subscriptions} (see {@link SubscriptionsSection}).
 */
@Endpoint(id = "mpreg")
public class MpregEndpoint {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final MpregNode node;

    public MpregEndpoint(MpregNode node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    /** The node and its subscriptions. */
    @ReadOperation
    public ObjectNode cluster() {
        ObjectNode description = JSON.objectNode();
        description.putObject("self").put("id", node.config().name());
        description.set("subscriptions", SubscriptionsSection.describe(node.config().name(), node.pubSub()));
        return description;
    }
}
