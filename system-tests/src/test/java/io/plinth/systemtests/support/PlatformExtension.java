package io.plinth.systemtests.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Stops the platform and releases the run's resources once, after the last test class. */
public final class PlatformExtension implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(PlatformExtension.class, key -> (ExtensionContext.Store.CloseableResource)
                        Platform::shutdown);
    }
}
