package dev.tern.transport.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The generated width table (tools/gen_wcwidth_table.py, glibc 2.36 of Debian 12) against known widths, and,
 * when this machine's C library is that same glibc, against its live {@code wcwidth()} for every code point.
 */
class CharWidthTest {

    @Test
    void tableComesFromThePinnedGlibc() {
        assertEquals("2.36", CharWidth.glibcVersion());
    }

    @Test
    void knownWidths() {
        assertEquals(1, CharWidth.of('a'));
        assertEquals(1, CharWidth.of(0xA0));
        assertEquals(1, CharWidth.of(0xAD));      // soft hyphen: mosh's Latin-1 rule
        assertEquals(-1, CharWidth.of(0));
        assertEquals(-1, CharWidth.of(0x7F));
        assertEquals(-1, CharWidth.of(0x85));
        assertEquals(2, CharWidth.of('中'));
        assertEquals(2, CharWidth.of(0x1F600));   // emoji presentation
        assertEquals(2, CharWidth.of(0xFF37));    // fullwidth W
        assertEquals(0, CharWidth.of(0x0301));    // combining acute
        assertEquals(0, CharWidth.of(0xFE0F));    // variation selector 16 (mosh#724)
        assertEquals(0, CharWidth.of(0x200B));    // zero width space
        assertEquals(0, CharWidth.of(0x1160));    // Hangul medial vowel
        assertEquals(1, CharWidth.of(0x2764));    // heavy black heart: text presentation by default
        assertEquals(-1, CharWidth.of(0xD800));   // surrogate
        assertEquals(-1, CharWidth.of(0x10FFFF)); // noncharacter
        assertEquals(-1, CharWidth.of(0x110000));
        assertEquals(2, CharWidth.of(0x20000));   // CJK extension B
        assertEquals(1, CharWidth.of(0x2500));    // box drawing
    }

    @Test
    void tableMatchesLiveGlibcWhenItIsTheSameVersion() throws Throwable {
        Optional<GlibcWcwidth> glibc = GlibcWcwidth.open();
        if (glibc.isEmpty()) {
            System.out.println("WIDTH no glibc on this machine; only the fixed widths were checked");
            assertEquals(2, CharWidth.wcwidth('中'));
            return;
        }
        GlibcWcwidth g = glibc.get();
        int differences = 0;
        int firstDifference = -1;
        try {
            for (int cp = 0; cp < 0x110000; cp++) {
                if (g.wcwidth(cp) != CharWidth.wcwidth(cp)) {
                    differences++;
                    if (firstDifference < 0) firstDifference = cp;
                }
            }
        } finally {
            g.restoreLocale();
        }
        System.out.printf("WIDTH live glibc %s vs table %s: %d differing code points%s%n", g.version(),
                CharWidth.glibcVersion(), differences,
                firstDifference < 0 ? "" : String.format(" (first U+%04X)", firstDifference));
        if (g.version().equals(CharWidth.glibcVersion())) {
            assertEquals(0, differences, "table differs from this machine's glibc; regenerate it");
        } else {
            assertTrue(differences >= 0);
        }
    }

    /** glibc's wcwidth through the FFM API, in a thread-local C.UTF-8 locale (the process locale is untouched). */
    record GlibcWcwidth(MethodHandle wcwidth, String version, MethodHandle useLocale, MemorySegment previous) {
        static Optional<GlibcWcwidth> open() throws Throwable {
            Linker linker = Linker.nativeLinker();
            SymbolLookup libc = linker.defaultLookup();
            Optional<MemorySegment> versionFn = libc.find("gnu_get_libc_version");
            Optional<MemorySegment> newlocale = libc.find("newlocale");
            Optional<MemorySegment> uselocale = libc.find("uselocale");
            Optional<MemorySegment> wcwidthFn = libc.find("wcwidth");
            if (versionFn.isEmpty() || newlocale.isEmpty() || uselocale.isEmpty() || wcwidthFn.isEmpty()) {
                return Optional.empty();
            }
            MethodHandle version = linker.downcallHandle(versionFn.get(), FunctionDescriptor.of(ValueLayout.ADDRESS));
            MemorySegment v = ((MemorySegment) version.invokeExact()).reinterpret(64);
            String versionString = v.getString(0);
            MethodHandle newLocale = linker.downcallHandle(newlocale.get(),
                    FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
            MethodHandle useLocale = linker.downcallHandle(uselocale.get(),
                    FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS));
            MemorySegment locale;
            try (Arena arena = Arena.ofConfined()) {
                int lcCtypeMask = 1;  // 1 << LC_CTYPE, LC_CTYPE = 0 in glibc
                locale = (MemorySegment) newLocale.invokeExact(lcCtypeMask, arena.allocateFrom("C.UTF-8"),
                        MemorySegment.NULL);
            }
            if (locale.equals(MemorySegment.NULL)) {
                return Optional.empty();
            }
            MemorySegment previous = (MemorySegment) useLocale.invokeExact(locale);
            MethodHandle wc = linker.downcallHandle(wcwidthFn.get(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            return Optional.of(new GlibcWcwidth(wc, versionString, useLocale, previous));
        }

        /** Puts the test thread back on the locale it had. */
        void restoreLocale() throws Throwable {
            MemorySegment ignored = (MemorySegment) useLocale.invokeExact(previous);
        }

        int wcwidth(int cp) throws Throwable {
            return (int) wcwidth.invokeExact(cp);
        }
    }
}
