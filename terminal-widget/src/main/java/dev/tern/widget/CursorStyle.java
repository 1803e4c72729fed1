package dev.tern.widget;

import com.techsenger.jeditermfx.core.CursorShape;

/** How the text cursor is drawn. */
public enum CursorStyle {
    BLOCK(CursorShape.STEADY_BLOCK, CursorShape.BLINK_BLOCK),
    UNDERLINE(CursorShape.STEADY_UNDERLINE, CursorShape.BLINK_UNDERLINE),
    BAR(CursorShape.STEADY_VERTICAL_BAR, CursorShape.BLINK_VERTICAL_BAR);

    private final CursorShape steady;
    private final CursorShape blinking;

    CursorStyle(CursorShape steady, CursorShape blinking) {
        this.steady = steady;
        this.blinking = blinking;
    }

    CursorShape shape(boolean blink) {
        return blink ? blinking : steady;
    }
}
