package io.mpreg.spring.autoconfigure;

import io.mpreg.core.node.MpregNodeBuilder;

/**
 * Adjusts the embedded node's builder after the {@code mpreg.node.*}
 * properties are applied and before the node starts. Declare one as a bean.
 */
@FunctionalInterface
public interface MpregNodeCustomizer {

    /** Customizes the builder. */
    void customize(MpregNodeBuilder builder);
}
