package io.mpreg.core.function;

import java.util.Objects;

/**
 * A function held by a {@link FunctionRegistry}: what it is and how to call it.
 *
 * @param descriptor what the function is
 * @param invoker    how to call it
 */
public record RegisteredFunction(FunctionDescriptor descriptor, FunctionInvoker invoker) {

    public RegisteredFunction {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(invoker, "invoker");
    }

    /** The function's name. */
    public String name() {
        return descriptor.name();
    }
}
