package io.mpreg.core.function;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadFactory;

import org.jspecify.annotations.Nullable;

/**
 * Finds virtual threads at run time: the code is compiled for Java 17, which
 * lacks them, but runs on later JDKs, which have them.
 */
final class VirtualThreads {

    private VirtualThreads() {
    }

    /**
     * A factory of virtual threads named {@code prefix0}, {@code prefix1}, ...,
     * or {@code null} when this JDK has no (enabled) virtual threads.
     */
    static @Nullable ThreadFactory factory(String prefix) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            Class<?> virtualBuilderType = Class.forName("java.lang.Thread$Builder$OfVirtual");
            MethodHandle ofVirtual = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(virtualBuilderType));
            MethodHandle name = lookup.findVirtual(virtualBuilderType, "name",
                    MethodType.methodType(virtualBuilderType, String.class, long.class));
            MethodHandle factory = lookup.findVirtual(builderType, "factory", MethodType.methodType(ThreadFactory.class));
            Object builder = name.invoke(ofVirtual.invoke(), prefix, 0L);
            return (ThreadFactory) factory.invoke(builder);
        } catch (Throwable absent) {
            // No such classes before JDK 19; preview-only virtual threads (JDK 19-20) refuse here unless enabled.
            return null;
        }
    }
}
