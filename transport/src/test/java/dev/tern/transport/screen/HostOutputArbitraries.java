package dev.tern.transport.screen;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random host-program output built from tokens that exercise mosh's whole repertoire (for property tests). */
final class HostOutputArbitraries {
    /** A step either feeds bytes or resizes the screen. */
    record Step(String bytes, int resizeWidth, int resizeHeight) {
        boolean isResize() {
            return resizeWidth > 0;
        }

        @Override
        public String toString() {
            return isResize() ? "RESIZE " + resizeWidth + "x" + resizeHeight : Vt.show(bytes);
        }
    }

    private HostOutputArbitraries() {
    }

    static Arbitrary<String> token() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> wide = Arbitraries.of("中", "文字", "😀", "한", "Ｗ", "\u3000");
        Arbitrary<String> combining = Arbitraries.of("\u0301", "\u0308\u0323", "\ufe0f", "e\u0301", "\u1161");
        Arbitrary<String> latin = Arbitraries.of("é", "ß", "\u00a0", "€", "\u2500", "\u00ad", "\u200b");
        Arbitrary<String> controls = Arbitraries.of("\r", "\n", "\b", "\t", "\007", "\r\n", "\u000b", "\u000c",
                "\u0000", "\u000e", "\u0018");
        Arbitrary<String> esc = Arbitraries.of("\0337", "\0338", "\033D", "\033E", "\033M", "\033H", "\033c", "\033#8",
                "\033=", "\033(0", "\033(B", "\033\\");
        Arbitrary<String> csi = Combinators.combine(
                Arbitraries.integers().between(0, 12).list().ofMaxSize(3),
                Arbitraries.of("@", "A", "B", "C", "D", "G", "H", "I", "J", "K", "L", "M", "P", "S", "T", "X", "Z",
                        "d", "f", "g", "r", "`", "h", "l", "n", "c", "E", "b", "!p", "s", "u"))
                .as((params, fin) -> "\033[" + join(params) + fin);
        Arbitrary<String> decMode = Combinators.combine(
                Arbitraries.of(1, 3, 4, 5, 6, 7, 9, 25, 47, 1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1015, 1049,
                        2004),
                Arbitraries.of("h", "l")).as((m, hl) -> "\033[?" + m + hl);
        Arbitrary<String> insertMode = Arbitraries.of("\033[4h", "\033[4l");
        Arbitrary<String> sgr = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 107).list().ofMinSize(1).ofMaxSize(4).map(p -> "\033[" + join(p) + "m"),
                Arbitraries.integers().between(0, 300).map(n -> "\033[38;5;" + n + "m"),
                Arbitraries.integers().between(0, 300).map(n -> "\033[48;5;" + n + "m"),
                Combinators.combine(Arbitraries.integers().between(0, 300), Arbitraries.integers().between(0, 255),
                        Arbitraries.of(38, 48)).as((r, g, k) -> "\033[" + k + ";2;" + r + ";" + g + ";7m"));
        Arbitrary<String> osc = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("0", "1", "2"), Arbitraries.strings().alpha().ofMaxLength(6),
                        Arbitraries.of("\007", "\033\\")).as((c, t, end) -> "\033]" + c + ";" + t + end),
                Arbitraries.strings().alpha().ofMaxLength(8).map(t -> "\033]52;c;" + t + "\007"));
        Arbitrary<String> region = Combinators.combine(Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, 8)).as((t, b) -> "\033[" + t + ";" + b + "r");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, text), net.jqwik.api.Tuple.of(6, wide), net.jqwik.api.Tuple.of(4, combining),
                net.jqwik.api.Tuple.of(3, latin), net.jqwik.api.Tuple.of(15, controls), net.jqwik.api.Tuple.of(4, esc),
                net.jqwik.api.Tuple.of(20, csi), net.jqwik.api.Tuple.of(5, decMode), net.jqwik.api.Tuple.of(2, insertMode),
                net.jqwik.api.Tuple.of(8, sgr), net.jqwik.api.Tuple.of(3, osc), net.jqwik.api.Tuple.of(3, region));
    }

    static Arbitrary<Step> step() {
        Arbitrary<Step> bytes = token().list().ofMinSize(1).ofMaxSize(8).map(l -> new Step(String.join("", l), 0, 0));
        Arbitrary<Step> resize = Combinators.combine(Arbitraries.integers().between(3, 12),
                Arbitraries.integers().between(1, 6)).as((w, h) -> new Step("", w, h));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(12, bytes), net.jqwik.api.Tuple.of(1, resize));
    }

    static Arbitrary<List<Step>> steps() {
        return step().list().ofMinSize(1).ofMaxSize(12);
    }

    private static String join(List<Integer> params) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) sb.append(';');
            sb.append(params.get(i));
        }
        return sb.toString();
    }
}
