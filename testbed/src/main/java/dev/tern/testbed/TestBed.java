package dev.tern.testbed;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension of the test bed: {@code @ExtendWith(TestBed.class)}, then take an {@link SshServer} as a
 * parameter (constructor, lifecycle method or test). One sshd serves the whole test run and is stopped when the
 * run ends. Local mosh-servers are started per test with {@link MoshServer#start(String...)}.
 */
public final class TestBed implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestBed.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SshServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(SshServerResource.class, ignored -> new SshServerResource(),
                SshServerResource.class).server;
    }

    /** Holds the run's sshd in the root store, which closes it when the whole run is over. */
    private static final class SshServerResource implements AutoCloseable {
        private final SshServer server = SshServer.start();

        @Override
        public void close() {
            server.close();
        }
    }
}
