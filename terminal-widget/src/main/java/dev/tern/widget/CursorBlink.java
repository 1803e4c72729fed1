package dev.tern.widget;

import com.techsenger.jeditermfx.core.CursorShape;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The cursor blinks while the person is at the keyboard and stops, shown, {@link #IDLE_NANOS} after the last key or
 * focus, as GTK's text fields and terminals do (its cursor-blink timeout). Each blink repaints the whole canvas in
 * JediTermFX, so a focused tab that blinked all day cost CPU all day (bench/RESULTS.md, "Memory").
 *
 * <p>How the library is steered: its repaint timer flips the cursor and repaints whenever more than
 * {@code caretBlinkingMs} passed since the last flip, whatever the cursor's shape, so a steady cursor repainted as
 * often as a blinking one. While the cursor rests, and always for a steady style, the period is
 * {@link TernSettingsProvider#RESTING_PERIOD_MS} (no flip comes) and the shape is the style's steady one (drawn
 * shown). Time is passed in: a key only notes it, and the view's one-second clock checks it. FX thread.
 */
final class CursorBlink {
    static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final TernSettingsProvider settings;
    private final Consumer<CursorShape> shape;
    private final Runnable repaint;
    private final long idleNanos;
    private long lastAwakeNanos;
    private boolean resting;

    /** @param shape and {@code repaint}: the panel's (its {@code setCursorShape} and {@code repaint}) */
    CursorBlink(TernSettingsProvider settings, Consumer<CursorShape> shape, Runnable repaint, long idleNanos,
                long nowNanos) {
        this.settings = settings;
        this.shape = shape;
        this.repaint = repaint;
        this.idleNanos = idleNanos;
        this.lastAwakeNanos = nowNanos;
    }

    /** A key, a paste, or the focus came: blink again (if the style blinks) and start the wait over. Cheap. */
    void awake(long nowNanos) {
        lastAwakeNanos = nowNanos;
        if (resting) {
            resting = false;
            apply();
        }
    }

    /** The view's clock: rests the cursor once the person has been away long enough. */
    void tick(long nowNanos) {
        if (!resting && nowNanos - lastAwakeNanos >= idleNanos) {
            resting = true;
            apply();
        }
    }

    /** Puts the style (or a change of it) and the resting state into the panel. */
    void apply() {
        TerminalSettings current = settings.settings();
        boolean blinking = current.cursorBlink() && !resting;
        settings.setCursorBlinking(blinking);
        shape.accept(current.cursorStyle().shape(blinking));
        repaint.run();
    }

    boolean resting() {
        return resting;
    }
}
