package io.mpreg.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One named call in a request. Arguments are plain Java values (records,
 * collections, strings, numbers; {@code null} is allowed), written as JSON
 * with the client's mapper. A string argument equal to the name of another
 * command of the same request (or {@code "name.field"}) is a reference to
 * that command's result, resolved by the node.
 *
 * <pre>{@code
 * RpcCommand.of("|first", "echo", "hi there!")
 * RpcCommand.of("|scaled", "scale", "|first").withKwarg("factor", 2).withLocs("gpu")
 * }</pre>
 *
 * @param name   unique within its request; the key of its result
 * @param fun    the registered function to call
 * @param args   positional arguments
 * @param kwargs arguments bound by parameter name
 * @param locs   resource tags the executing node must all offer
 */
public record RpcCommand(String name, String fun, List<@Nullable Object> args, Map<String, @Nullable Object> kwargs,
                         List<String> locs) {

    public RpcCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fun, "fun");
        args = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(args, "args")));
        kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(kwargs, "kwargs")));
        locs = List.copyOf(locs);
    }

    /** A command with positional arguments, no kwargs and no resource constraint. */
    public static RpcCommand of(String name, String fun, @Nullable Object... args) {
        return new RpcCommand(name, fun, args == null ? List.of() : Arrays.asList(args), Map.of(), List.of());
    }

    /** This command with one more keyword argument (replacing one of the same name). */
    public RpcCommand withKwarg(String key, @Nullable Object value) {
        Objects.requireNonNull(key, "key");
        Map<String, @Nullable Object> more = new LinkedHashMap<>(kwargs);
        more.put(key, value);
        return new RpcCommand(name, fun, args, more, locs);
    }

    /** This command with these keyword arguments added (replacing those of the same names). */
    public RpcCommand withKwargs(Map<String, ?> moreKwargs) {
        Map<String, @Nullable Object> more = new LinkedHashMap<>(kwargs);
        more.putAll(Objects.requireNonNull(moreKwargs, "moreKwargs"));
        return new RpcCommand(name, fun, args, more, locs);
    }

    /** This command restricted to nodes offering all of these resources. */
    public RpcCommand withLocs(String... resources) {
        return new RpcCommand(name, fun, args, kwargs, List.of(resources));
    }
}
