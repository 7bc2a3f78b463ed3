package io.mpreg.core.function;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.rpc.CommandRunner;
import io.mpreg.core.rpc.RequestContext;
import io.mpreg.core.wire.CommandSpec;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs commands on this node's own functions.
 *
 * <p>A function is offered with the node's resources plus those it declares
 * itself; a command runs here only if its function is registered and offered
 * with every tag of the command's {@code locs}.
 */
public final class LocalCommandRunner implements CommandRunner {

    private final FunctionRegistry registry;
    private final Set<String> nodeResources;

    /**
     * A runner over the given registry.
     *
     * @param registry      the functions this node offers
     * @param nodeResources the resource tags of this node, offered with every function
     */
    public LocalCommandRunner(FunctionRegistry registry, Set<String> nodeResources) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.nodeResources = Set.copyOf(nodeResources);
    }

    /** The resource tags this node offers with every function. */
    public Set<String> nodeResources() {
        return nodeResources;
    }

    /** Whether this node can run {@code fun} with all of the given resource tags. */
    public boolean offers(String fun, List<String> locs) {
        return runnable(fun, locs).isPresent();
    }

    @Override
    public Mono<JsonNode> run(CommandSpec command, RequestContext context) {
        Optional<RegisteredFunction> function = runnable(command.fun(), command.locs());
        if (function.isEmpty()) {
            return Mono.error(notFound(command));
        }
        FunctionInvoker invoker = function.get().invoker();
        return Mono.defer(() -> invoker.invoke(command.args(), command.kwargs()));
    }

    private Optional<RegisteredFunction> runnable(String fun, List<String> locs) {
        return registry.find(fun).filter(found -> offered(found.descriptor()).containsAll(locs));
    }

    private Set<String> offered(FunctionDescriptor descriptor) {
        if (descriptor.resources().isEmpty()) {
            return nodeResources;
        }
        Set<String> union = new HashSet<>(nodeResources);
        union.addAll(descriptor.resources());
        return union;
    }

    private static MpregException notFound(CommandSpec command) {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("command", command.name());
        details.put("fun", command.fun());
        ArrayNode locs = details.putArray("locs");
        command.locs().forEach(locs::add);
        String message = command.locs().isEmpty()
                ? "no node offers '" + command.fun() + "'"
                : "no node offers '" + command.fun() + "' with resources " + command.locs();
        return MpregException.of(ErrorKind.FUNCTION_NOT_FOUND, message, details);
    }
}
