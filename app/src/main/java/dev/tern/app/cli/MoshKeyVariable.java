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
 * does, so that programs started later (an editor, a shell escape) never inherit it.
 */
final class MoshKeyVariable {
    static final String NAME = "MOSH_KEY";

    private MoshKeyVariable() {
    }

    static Optional<String> take() {
        String value = System.getenv(NAME);
        if (value != null) {
            unsetInNativeEnvironment();
        }
        return Optional.ofNullable(value);
    }

    private static void unsetInNativeEnvironment() {
        if (System.getProperty("os.name").startsWith("Windows")) {
            return; // child processes get an explicit environment from ProcessBuilder there; nothing inherits it
        }
        try {
            Linker linker = Linker.nativeLinker();
            MethodHandle unsetenv = linker.downcallHandle(linker.defaultLookup().find("unsetenv").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment name = arena.allocateFrom(NAME);
                int ignored = (int) unsetenv.invokeExact(name);
            }
        } catch (Throwable e) {
            // not fatal: the key stays only in this process's own environment block
        }
    }
}
