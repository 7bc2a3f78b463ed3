package io.mpreg.core.function;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * Turns Java methods into {@link FunctionInvoker}s.
 *
 * <p>Arguments are bound as {@link ParameterBinding} describes. A method that
 * returns {@code Mono}, {@code Flux} (collected into a list) or
 * {@code CompletionStage} is reactive and runs on the calling thread; any other
 * method may block, so it runs on the {@link BlockingExecutor}. Results become
 * JSON with the given mapper ({@code void} and {@code null} become JSON null).
 * What the method throws becomes a {@code FUNCTION_FAILED} failure, except an
 * {@link io.mpreg.core.error.MpregException}, which keeps its kind.
 */
public final class MethodInvokers {

    private enum ResultShape { PLAIN, MONO, FLUX, COMPLETION_STAGE }

    private MethodInvokers() {
    }

    /**
     * An invoker calling {@code method} on {@code target} through a method handle.
     *
     * @param target   the object to call the method on; ignored (may be {@code null}) for a static method
     * @param method   the method; compiled with {@code -parameters} so keyword arguments find their names
     * @param mapper   converts arguments from JSON and results to JSON
     * @param blocking runs methods that may block
     * @throws IllegalArgumentException if the method cannot be made accessible
     */
    public static FunctionInvoker forMethod(@Nullable Object target, Method method, JsonMapper mapper,
            BlockingExecutor blocking) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(mapper, "mapper");
        Objects.requireNonNull(blocking, "blocking");
        boolean isStatic = Modifier.isStatic(method.getModifiers());
        if (!isStatic) {
            Objects.requireNonNull(target, "target of instance method " + method.getName());
        }
        MethodHandle handle = spreadingHandle(target, method, isStatic);
        ParameterBinding binding = new ParameterBinding(method, mapper);
        FunctionFailures failures = new FunctionFailures(method.getName(), mapper);
        ResultShape shape = shapeOf(method.getReturnType());
        return (args, kwargs) -> Mono.defer(() -> {
            @Nullable Object[] values = binding.bind(args, kwargs);
            if (shape == ResultShape.PLAIN) {
                return blocking.<JsonNode>submit(() -> failures.toJson(invoke(handle, values)));
            }
            return reactiveResult(shape, invoke(handle, values), failures);
        }).onErrorMap(failures::translate);
    }

    private static Mono<JsonNode> reactiveResult(ResultShape shape, @Nullable Object returned,
            FunctionFailures failures) {
        if (returned == null) {
            return Mono.just(NullNode.getInstance());
        }
        Mono<?> result = switch (shape) {
            case MONO -> (Mono<?>) returned;
            case FLUX -> ((Flux<?>) returned).collectList();
            case COMPLETION_STAGE -> Mono.fromCompletionStage((CompletionStage<?>) returned);
            case PLAIN -> throw new IllegalStateException("plain results are not reactive");
        };
        return result.map(failures::toJson).defaultIfEmpty(NullNode.getInstance());
    }

    private static @Nullable Object invoke(MethodHandle handle, @Nullable Object[] values) {
        try {
            return (Object) handle.invokeExact((Object[]) values);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            throw new CheckedFailure(checked);
        }
    }

    private static MethodHandle spreadingHandle(@Nullable Object target, Method method, boolean isStatic) {
        MethodHandle handle;
        try {
            method.trySetAccessible();
            handle = MethodHandles.lookup().unreflect(method);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("method " + method + " is not accessible to MPREG: " + e.getMessage(), e);
        }
        if (!isStatic) {
            handle = handle.bindTo(target);
        }
        return handle.asSpreader(Object[].class, method.getParameterCount())
                .asType(MethodType.methodType(Object.class, Object[].class));
    }

    private static ResultShape shapeOf(Class<?> returnType) {
        if (Mono.class.isAssignableFrom(returnType)) {
            return ResultShape.MONO;
        }
        if (Flux.class.isAssignableFrom(returnType)) {
            return ResultShape.FLUX;
        }
        if (CompletionStage.class.isAssignableFrom(returnType)) {
            return ResultShape.COMPLETION_STAGE;
        }
        return ResultShape.PLAIN;
    }

    /** Carries a checked exception thrown by a method handle out of a lambda; unwrapped by {@link FunctionFailures}. */
    static final class CheckedFailure extends RuntimeException {
        CheckedFailure(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
