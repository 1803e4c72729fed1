package dev.tern.transport.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * Round trips: random host output drives emulator A (mosh-exact, the server's); after every step the renderer
 * turns (previous frame, new frame) into bytes that are fed to emulator B, which held the previous frame. B must
 * then show exactly A's frame (modulo mosh's own blank/fallback representation, see {@link FramebufferAssert}).
 *
 * <p>Two cases are excluded because mosh's protocol cannot carry them: a wide character stored in the last column
 * (docs/TERMINAL.md §4.6 item 3; possible with autowrap off, or pushed there by ICH), and a change to the cell under
 * the right half of a wide character (item 4; the writer steps over it, so it is never sent and shows up wrong once the
 * wide character goes). When a step produces either, the run stops there. Screens are at least 3 columns wide: on
 * narrower ones a row can be filled by the single cell that mosh's writer prints to continue a soft wrap, and mosh does
 * not carry the wrap on from such a row.
 */
class RoundTripProperties {

    @Provide
    Arbitrary<List<HostOutputArbitraries.Step>> hostOutput() {
        return HostOutputArbitraries.steps();
    }

    /** Server role, initialized diffs, into a Mosh client emulator (HostBytes exactly as mosh-server sends). */
    @Property(tries = 3000)
    void serverRoleDiffsReproduceTheFrame(@ForAll("hostOutput") List<HostOutputArbitraries.Step> steps,
                                          @ForAll @IntRange(min = 3, max = 12) int width,
                                          @ForAll @IntRange(min = 1, max = 6) int height) {
        run(steps, width, height, FrameRenderer.serverRole(), Repertoire.MOSH_CLIENT, false);
    }

    /** Server role with full repaints (initialized = false) mixed in. */
    @Property(tries = 1000)
    void serverRoleRepaintsReproduceTheFrame(@ForAll("hostOutput") List<HostOutputArbitraries.Step> steps,
                                             @ForAll @IntRange(min = 3, max = 12) int width,
                                             @ForAll @IntRange(min = 1, max = 6) int height) {
        run(steps, width, height, FrameRenderer.serverRole(), Repertoire.MOSH_CLIENT, true);
    }

    /** Client role into a plain VT receiver that has mosh's own BS behaviour (no mitigation needed). */
    @Property(tries = 2000)
    void clientRoleDiffsReproduceTheFrameOnAPlainTerminal(@ForAll("hostOutput") List<HostOutputArbitraries.Step> steps,
                                                          @ForAll @IntRange(min = 3, max = 12) int width,
                                                          @ForAll @IntRange(min = 1, max = 6) int height) {
        run(steps, width, height, FrameRenderer.clientRole(), Repertoire.MOSH, false);
    }

    /** Client role into the xterm-flavoured emulator (what a local tab's view understands). */
    @Property(tries = 1000)
    void clientRoleDiffsReproduceTheFrameOnAnXtermReceiver(@ForAll("hostOutput") List<HostOutputArbitraries.Step> steps,
                                                           @ForAll @IntRange(min = 3, max = 12) int width,
                                                           @ForAll @IntRange(min = 1, max = 6) int height) {
        run(steps, width, height, FrameRenderer.clientRole(), Repertoire.XTERM, true);
    }

    /** Bigger screens and longer sessions, both roles, with repaints mixed in. */
    @Property(tries = 300)
    void longerSessionsOnBiggerScreens(@ForAll("longHostOutput") List<HostOutputArbitraries.Step> steps,
                                       @ForAll @IntRange(min = 20, max = 100) int width,
                                       @ForAll @IntRange(min = 5, max = 30) int height,
                                       @ForAll boolean clientRole) {
        run(steps, width, height, clientRole ? FrameRenderer.clientRole() : FrameRenderer.serverRole(),
                clientRole ? Repertoire.MOSH : Repertoire.MOSH_CLIENT, true);
    }

    @Provide
    Arbitrary<List<HostOutputArbitraries.Step>> longHostOutput() {
        return HostOutputArbitraries.step().list().ofMinSize(10).ofMaxSize(40);
    }

    private static void run(List<HostOutputArbitraries.Step> steps, int width, int height, FrameRenderer renderer,
                            Repertoire receiver, boolean mixRepaints) {
        Emulator a = new Emulator(width, height, Repertoire.MOSH);
        Emulator b = new Emulator(width, height, receiver);
        int n = 0;
        for (HostOutputArbitraries.Step step : steps) {
            n++;
            Framebuffer last = a.snapshot();
            if (step.isResize()) {
                a.resize(step.resizeWidth(), step.resizeHeight());
                b.resize(step.resizeWidth(), step.resizeHeight());
            } else {
                a.write(Vt.utf8(step.bytes()));
            }
            Framebuffer next = a.snapshot();
            if (hasWideInLastColumn(next) || hiddenHalfChanged(last, next) || deadHalfDisturbed(next)) {
                Statistics.label("run").collect("stopped at an uncarriable change");
                return;
            }
            boolean initialized = !(mixRepaints && n % 3 == 0);
            RenderResult out = renderer.render(initialized, last, next);
            long bellsBefore = b.framebuffer().bellCount();
            b.write(Vt.utf8(out.bytes()));
            String d = FramebufferAssert.difference(next, b.framebuffer());
            if (d != null) {
                fail("after step " + n + " (" + step + "): " + d + "\nbytes: " + Vt.show(out.bytes())
                        + "\nsteps: " + steps + "\nwant:\n" + next + "\ngot:\n" + b.framebuffer());
            }
            assertEquals(next.bellCount() != last.bellCount() ? 1 : 0, b.framebuffer().bellCount() - bellsBefore);
            for (int i = 0; i < out.scrolledOff().size(); i++) {
                assertEquals(last.row(i), out.scrolledOff().get(i));
            }
        }
        Statistics.label("run").collect("checked every step");
    }

    /**
     * A cell under the right half of a wide character changed while it stayed hidden (docs/TERMINAL.md §4.6 item 4).
     */
    private static boolean hiddenHalfChanged(Framebuffer last, Framebuffer next) {
        if (last.width() != next.width() || last.height() != next.height()) {
            return false;
        }
        for (int y = 0; y < next.height(); y++) {
            Row a = last.row(y), b = next.row(y);
            for (int x = 0; x + 1 < next.width(); x++) {
                if (a.isWide(x) && b.isWide(x) && !a.cell(x + 1).equals(b.cell(x + 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Printing a wide character blanks the cell under its right half with the same background; anything else there
     * was written while hidden, in this very step (docs/TERMINAL.md §4.6 item 4).
     */
    private static boolean deadHalfDisturbed(Framebuffer f) {
        for (int y = 0; y < f.height(); y++) {
            Row row = f.row(y);
            for (int x = 0; x + 1 < f.width(); x++) {
                if (row.isWide(x) && (!row.contents(x + 1).isEmpty()
                        || row.renditions(x + 1) != Renditions.erased(row.renditions(x)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasWideInLastColumn(Framebuffer f) {
        for (int y = 0; y < f.height(); y++) {
            if (f.row(y).isWide(f.width() - 1)) {
                return true;
            }
        }
        return false;
    }
}
