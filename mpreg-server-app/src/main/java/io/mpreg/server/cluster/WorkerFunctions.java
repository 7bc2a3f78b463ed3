package io.mpreg.server.cluster;

import io.mpreg.core.node.MpregNode;
import io.mpreg.spring.MpregFunction;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** A function every {@code worker} node offers, answering which node ran it: shows how calls spread. */
@Component
@Profile("cluster-demo")
@ConditionalOnNodeResource("worker")
public class WorkerFunctions {

    private final MpregNode node;

    WorkerFunctions(MpregNode node) {
        this.node = node;
    }

    /** The name of the node that ran the call. */
    @MpregFunction(name = "worker.where", description = "Answers the name of the node that ran it (worker nodes)",
            idempotent = true)
    public String where() {
        return node.config().name();
    }
}
