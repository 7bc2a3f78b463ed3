package io.mpreg.core.function;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The functions this node offers, by name.
 *
 * <p>The registry holds an immutable map that writers replace with
 * compare-and-set, so the lookups made for every command take no lock.
 * Listeners hear of every change after it is visible to readers.
 */
public final class FunctionRegistry {

    /** Hears of functions appearing and disappearing, e.g. to gossip the catalog. */
    public interface Listener {

        /** A function was registered. */
        void registered(FunctionDescriptor descriptor);

        /** A function was unregistered. */
        void unregistered(FunctionDescriptor descriptor);
    }

    private static final Logger log = LoggerFactory.getLogger(FunctionRegistry.class);

    private final AtomicReference<Map<String, RegisteredFunction>> functions = new AtomicReference<>(Map.of());
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /**
     * Registers a function.
     *
     * @throws IllegalStateException if a function of the same name is already registered
     */
    public void register(FunctionDescriptor descriptor, FunctionInvoker invoker) {
        RegisteredFunction function = new RegisteredFunction(descriptor, invoker);
        Map<String, RegisteredFunction> current;
        Map<String, RegisteredFunction> next;
        do {
            current = functions.get();
            RegisteredFunction existing = current.get(descriptor.name());
            if (existing != null) {
                throw new IllegalStateException("function '" + descriptor.name() + "' is already registered (version "
                        + existing.descriptor().version() + "); unregister it first");
            }
            next = with(current, function);
        } while (!functions.compareAndSet(current, next));
        log.debug("registered function '{}' {}", descriptor.name(), descriptor.version());
        for (Listener listener : listeners) {
            notify(listener, l -> l.registered(descriptor));
        }
    }

    /**
     * Removes a function.
     *
     * @return whether a function of that name was registered
     */
    public boolean unregister(String name) {
        Objects.requireNonNull(name, "name");
        Map<String, RegisteredFunction> current;
        RegisteredFunction removed;
        do {
            current = functions.get();
            removed = current.get(name);
            if (removed == null) {
                return false;
            }
        } while (!functions.compareAndSet(current, without(current, name)));
        log.debug("unregistered function '{}'", name);
        FunctionDescriptor descriptor = removed.descriptor();
        for (Listener listener : listeners) {
            notify(listener, l -> l.unregistered(descriptor));
        }
        return true;
    }

    /** The function of that name, if registered. */
    public Optional<RegisteredFunction> find(String name) {
        return Optional.ofNullable(functions.get().get(name));
    }

    /** The descriptors of all registered functions, sorted by name. */
    public List<FunctionDescriptor> descriptors() {
        List<FunctionDescriptor> descriptors = new ArrayList<>();
        for (RegisteredFunction function : functions.get().values()) {
            descriptors.add(function.descriptor());
        }
        descriptors.sort(Comparator.comparing(FunctionDescriptor::name));
        return Collections.unmodifiableList(descriptors);
    }

    /** Adds a listener for later registrations and removals. */
    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private static Map<String, RegisteredFunction> with(Map<String, RegisteredFunction> map, RegisteredFunction added) {
        Map<String, RegisteredFunction> copy = new HashMap<>(map);
        copy.put(added.name(), added);
        return Map.copyOf(copy);
    }

    private static Map<String, RegisteredFunction> without(Map<String, RegisteredFunction> map, String name) {
        Map<String, RegisteredFunction> copy = new HashMap<>(map);
        copy.remove(name);
        return Map.copyOf(copy);
    }

    private static void notify(Listener listener, Consumer<Listener> event) {
        try {
            event.accept(listener);
        } catch (RuntimeException e) {
            log.warn("function registry listener {} failed", listener, e);
        }
    }
}
