package dev.tern.transport.predict;

import dev.tern.transport.screen.Emulator;
import dev.tern.transport.screen.Framebuffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Any keys with any server frames never break the overlays; mode {@code never} never changes the frame. */
class PredictionProperties {
    /** One thing that happens in a session. */
    sealed interface Step permits Keys, HostOutput, Resize, Wait, Settings, Interval {
    }

    record Keys(byte[] bytes) implements Step {
    }

    /** The server's screen changes and its echo ack moves forward by {@code ackStep} states. */
    record HostOutput(byte[] bytes, int ackStep) implements Step {
    }

    record Resize(int width, int height) implements Step {
    }

    record Wait(int millis) implements Step {
    }

    record Settings(PredictionSettings settings) implements Step {
    }

    record Interval(int sendInterval) implements Step {
    }

    private static final List<String> KEY_PIECES = List.of("a", "b", "Z", " ", "~", "\u007f", "\r", "\n", "\t",
            "\033OA", "\033OB", "\033OC", "\033OD", "\033[C", "\033[D", "\033[1;5C", "\033[3~", "\033x", "\033",
            "é", "漢", "e\u0301", "\u0003", "\u001e", "\u0090", "\u009b", "\033]0;t\007", "\033P", "\033\\");
    private static final List<String> HOST_PIECES = List.of("x", "hello", "\r\n", "\b", "\033[K", "\033[2J",
            "\033[H", "\033[5;3H", "\033[1;4;31m", "\033[0m", "\033[@", "\033[P", "\033[L", "\033[M", "\t", "漢",
            "\u0301", "\033[?25l", "\033[?25h", "\033]2;title\007", "\007", "\033[10C", "\033[3D", "\033c",
            "\033[2;3r", "\033D", "\033M");

    @Provide
    Arbitrary<List<Step>> sessions() {
        Arbitrary<Step> keys = Arbitraries.of(KEY_PIECES).list().ofMinSize(1).ofMaxSize(6)
                .map(l -> new Keys(String.join("", l).getBytes(StandardCharsets.UTF_8)));
        Arbitrary<Step> randomKeys = Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(Keys::new);
        Arbitrary<Step> host = Combinators.combine(
                Arbitraries.of(HOST_PIECES).list().ofMaxSize(8).map(l -> String.join("", l)),
                Arbitraries.integers().between(0, 3)).as((s, a) -> new HostOutput(s.getBytes(StandardCharsets.UTF_8), a));
        Arbitrary<Step> randomHost = Combinators.combine(Arbitraries.bytes().array(byte[].class).ofMaxSize(20),
                Arbitraries.integers().between(0, 3)).as(HostOutput::new);
        Arbitrary<Step> resize = Combinators.combine(Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 5)).as(Resize::new);
        Arbitrary<Step> wait = Arbitraries.of(0, 49, 50, 251, 5001, 7000).map(Wait::new);
        Arbitrary<Step> settings = Combinators.combine(Arbitraries.of(DisplayPreference.class),
                Arbitraries.of(true, false)).as((p, o) -> new Settings(new PredictionSettings(p, o)));
        Arbitrary<Step> interval = Arbitraries.of(20, 21, 30, 31, 50, 51, 80, 81, 250).map(Interval::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, keys), net.jqwik.api.Tuple.of(1, randomKeys),
                net.jqwik.api.Tuple.of(4, host), net.jqwik.api.Tuple.of(1, randomHost),
                net.jqwik.api.Tuple.of(1, resize), net.jqwik.api.Tuple.of(2, wait),
                net.jqwik.api.Tuple.of(1, settings), net.jqwik.api.Tuple.of(1, interval)).list().ofMaxSize(40);
    }

    @Property(tries = 300)
    void anyKeysWithAnyServerFramesNeverThrow(@ForAll("sessions") List<Step> steps) {
        Session s = new Session(PredictionSettings.DEFAULT.withPreference(DisplayPreference.ALWAYS), true);
        for (Step step : steps) {
            Framebuffer shown = s.run(step);
            assertEquals(s.server.framebuffer().width(), shown.width());
            assertEquals(s.server.framebuffer().height(), shown.height());
        }
    }

    @Property(tries = 200)
    void neverModeDisplaysTheServerFrameItself(@ForAll("sessions") List<Step> steps) {
        Session s = new Session(PredictionSettings.DEFAULT.withPreference(DisplayPreference.NEVER), false);
        for (Step step : steps) {
            if (step instanceof Settings) {
                continue; // stays in never mode
            }
            Framebuffer shown = s.run(step);
            assertSame(s.lastServerFrame, shown);
        }
    }

    /** The client loop of {@link Rig}, driven by steps, against a live emulator standing for the server. */
    private static final class Session {
        final FakeClock clock = new FakeClock(0);
        final OverlayComposer composer;
        final Emulator server = new Emulator(10, 4);
        Framebuffer lastServerFrame;
        long sent;
        long echoAck;
        int sendInterval = 100;

        Session(PredictionSettings settings, boolean overlays) {
            composer = new OverlayComposer(clock, settings);
            composer.setDrawBar(overlays);
            composer.setTitlePrefix(overlays ? OverlayComposer.MOSH_TITLE_PREFIX : "");
        }

        Framebuffer run(Step step) {
            switch (step) {
                case Keys k -> {
                    composer.userInput(k.bytes(), sent, server.snapshot());
                    sent++;
                }
                case HostOutput h -> {
                    server.write(h.bytes());
                    echoAck = Math.min(sent, echoAck + h.ackStep());
                    composer.serverUpdate(clock.millis(), clock.millis(), sent, sendInterval, echoAck);
                }
                case Resize r -> {
                    server.resize(r.width(), r.height());
                    composer.localResize();
                }
                case Wait w -> clock.advance(w.millis());
                case Settings st -> composer.setSettings(st.settings());
                case Interval i -> sendInterval = i.sendInterval();
            }
            lastServerFrame = server.snapshot();
            return composer.compose(lastServerFrame);
        }
    }
}
