package dev.tern.app.cli;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Reads the session key from {@code MOSH_KEY} and removes it from this process's environment, as mosh-client
 * does, so that programs started later (an editor, a shell escape, a helper a library runs) never inherit it.
 *
 * <p>The key is read and removed through the C library, before anything in the JVM has read the environment:
 * Java copies the whole environment once, on first use, and hands that copy to every child started with an
 * edited {@link ProcessBuilder#environment()} or a map made from {@link System#getenv()} (JLine's helpers and
 * pty4j do so). Taken first, the key is never in that copy.
 */
final class MoshKeyVariable {
    static final String NAME = "MOSH_KEY";

    private MoshKeyVariable() {
    }

    /** Call first thing in the process: the key, now gone from the environment. */
    static Optional<String> take() {
        if (System.getProperty("os.name").startsWith("Windows")) {
            return Optional.ofNullable(System.getenv(NAME));
        }
        try {
            return takeFromNativeEnvironment();
        } catch (Throwable e) {
            // no native access granted: the key is still usable, only not kept from child processes
            return Optional.ofNullable(System.getenv(NAME));
        }
    }

    private static Optional<String> takeFromNativeEnvironment() throws Throwable {
        Linker linker = Linker.nativeLinker();
        MethodHandle getenv = linker.downcallHandle(linker.defaultLookup().find("getenv").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        MethodHandle unsetenv = linker.downcallHandle(linker.defaultLookup().find("unsetenv").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment name = arena.allocateFrom(NAME);
            MemorySegment value = (MemorySegment) getenv.invokeExact(name);
            if (value.equals(MemorySegment.NULL)) {
                return Optional.empty();
            }
            String key = value.reinterpret(Long.MAX_VALUE).getString(0);
            int ignored = (int) unsetenv.invokeExact(name);
            return Optional.of(key);
        }
    }
}
