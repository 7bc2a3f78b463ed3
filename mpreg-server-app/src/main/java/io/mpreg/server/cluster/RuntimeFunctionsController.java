package io.mpreg.server.cluster;

import java.util.Map;

import io.mpreg.core.function.FunctionDescriptor;
import io.mpreg.core.node.MpregNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.StringNode;

/**
 * Registers and removes functions while the node runs, to watch the catalog
 * change across the cluster: {@code POST /demo/functions/{name}} offers a
 * function {@code name} on this node that answers {@code "<name> answered by
 * <node>"}; {@code DELETE /demo/functions/{name}} removes it. Both go through
 * the node's function registry, the same path any runtime registration takes.
 */
@RestController
@Profile("cluster-demo")
@RequestMapping("/demo/functions")
public class RuntimeFunctionsController {

    private static final Logger log = LoggerFactory.getLogger(RuntimeFunctionsController.class);

    private final MpregNode node;

    RuntimeFunctionsController(MpregNode node) {
        this.node = node;
    }

    /** Offers the named function on this node: 201, or 409 if the node offers one of that name already. */
    @PostMapping("/{name}")
    public ResponseEntity<Map<String, String>> register(@PathVariable String name) {
        String answer = name + " answered by " + node.config().name();
        FunctionDescriptor descriptor = FunctionDescriptor.of(name)
                .withDescription("Registered at runtime through the demo endpoint")
                .withIdempotent(true);
        try {
            node.registry().register(descriptor, (args, kwargs) -> Mono.just(StringNode.valueOf(answer)));
        }
        catch (IllegalStateException alreadyRegistered) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", alreadyRegistered.getMessage()));
        }
        log.info("Function '{}' registered at runtime", name);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("function", name, "node", node.config().name()));
    }

    /** Removes the named function from this node: 204, or 404 if it offers none of that name. */
    @DeleteMapping("/{name}")
    public ResponseEntity<Void> unregister(@PathVariable String name) {
        if (!node.registry().unregister(name)) {
            return ResponseEntity.notFound().build();
        }
        log.info("Function '{}' removed at runtime", name);
        return ResponseEntity.noContent().build();
    }
}
