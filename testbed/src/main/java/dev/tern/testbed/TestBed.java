package dev.tern.testbed;

import java.lang.reflect.Executable;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * JUnit 5 extension of the test bed: {@code @ExtendWith(TestBed.class)}, then take an {@link SshServer} as a
 * parameter (constructor, lifecycle method or test). One sshd serves the whole test run and is stopped when the
 * run ends. Local mosh-servers are started per test with {@link MoshServer#start(String...)}.
 *
 * <p>The sshd is started before each test that takes one (as a parameter of the test method or of a
 * {@code @BeforeEach}/{@code @AfterEach} method), not while resolving the parameter: JUnit reports any exception
 * of a parameter resolver as an error, so a missing sshd outside CI would fail the tests instead of skipping them.
 */
public final class TestBed implements ParameterResolver, BeforeEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestBed.class);

    /** How the run's sshd is started; replaced only by the test bed's own tests. */
    static Supplier<SshServer> starter = SshServer::start;

    @Override
    public void beforeEach(ExtensionContext context) {
        boolean needed = takesSshServer(context.getRequiredTestMethod())
                || AnnotationSupport.findAnnotatedMethods(context.getRequiredTestClass(), BeforeEach.class,
                        HierarchyTraversalMode.TOP_DOWN).stream().anyMatch(TestBed::takesSshServer)
                || AnnotationSupport.findAnnotatedMethods(context.getRequiredTestClass(), AfterEach.class,
                        HierarchyTraversalMode.TOP_DOWN).stream().anyMatch(TestBed::takesSshServer);
        if (needed) {
            server(context); // a missing sshd aborts (skips) the test here, or fails it in CI
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SshServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context)
            throws ParameterResolutionException {
        return server(context);
    }

    private static SshServer server(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(SshServerResource.class, ignored -> new SshServerResource(),
                SshServerResource.class).server;
    }

    private static boolean takesSshServer(Executable executable) {
        return Arrays.stream(executable.getParameterTypes()).anyMatch(type -> type == SshServer.class);
    }

    /** Holds the run's sshd in the root store, which closes it when the whole run is over. */
    private static final class SshServerResource implements AutoCloseable {
        private final SshServer server = starter.get();

        @Override
        public void close() {
            server.close();
        }
    }
}
