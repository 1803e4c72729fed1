package dev.tern.widget.pipeline;

import dev.tern.transport.screen.FrameRenderer;
import dev.tern.transport.screen.Framebuffer;
import dev.tern.transport.screen.RenderResult;
import dev.tern.transport.screen.Row;

import java.util.List;

/**
 * Turns successive source frames into what the widget must parse: mosh's frame diff (docs/TERMINAL.md §4) against the
 * frame the widget shows, plus the switches the renderer never sends but the widget's key encoding depends on
 * (cursor-key mode) or its history depends on (alternate screen). One thread (the pipeline's).
 */
final class FrameComposer {
    /**
     * Clears the widget's screen without ED 2: JediTermFX moves the whole screen into its history on ED 2, which
     * the renderer's full redraw starts with; an already blank screen moves nothing.
     */
    private static final String CLEAR_WITHOUT_HISTORY = "\033[r\033[0m\033[H\033[J";
    private static final String ALTERNATE_ON = "\033[?1047h", ALTERNATE_OFF = "\033[?1047l";
    private static final String CURSOR_KEYS_APPLICATION = "\033[?1h", CURSOR_KEYS_NORMAL = "\033[?1l";

    private final FrameRenderer renderer = FrameRenderer.clientRole();
    private final HistoryLines historyLines = new HistoryLines();
    private final boolean exactHistory;
    private final MoshHistory moshHistory;
    private Framebuffer shown;
    private boolean fullRedraw = true;
    private boolean alternate;
    private Boolean applicationCursorKeys;

    FrameComposer(boolean exactHistory) {
        this(exactHistory, null);
    }

    FrameComposer(boolean exactHistory, MoshHistory moshHistory) {
        this.exactHistory = exactHistory;
        this.moshHistory = moshHistory;
    }

    /** The next frame is drawn from scratch (after the widget resized, or when asked to repaint). */
    void requestFullRedraw() {
        fullRedraw = true;
    }

    /**
     * @param viewColumns the widget's current width; when it differs from the frame's, the frame is drawn from
     *                    scratch (the widget's own scrolling would not match ours) and all history is added here
     */
    FeedChunk compose(SourceFrame frame, int viewColumns, int viewRows) {
        StringBuilder out = new StringBuilder();
        String prelude = "";
        if (frame.alternateScreen() != alternate) {
            // the widget's own alternate buffer keeps a full-screen program's scrolling out of the user's history;
            // rows that scrolled before the switch on go to the primary history, so that switch comes after them,
            // and rows that scrolled after the switch off need the primary buffer back first
            alternate = frame.alternateScreen();
            if (alternate) {
                out.append(ALTERNATE_ON);
            } else {
                prelude = ALTERNATE_OFF;
            }
            fullRedraw = true;
        }
        Framebuffer next = frame.screen();
        boolean fitsView = next.width() == viewColumns && next.height() == viewRows;
        boolean initialized = !fullRedraw && fitsView && shown != null && shown.width() == next.width()
                && shown.height() == next.height();
        Framebuffer reference = shown != null ? shown : new Framebuffer(next.width(), next.height());
        if (!initialized) {
            out.append(CLEAR_WITHOUT_HISTORY);
        }
        RenderResult result = renderer.render(initialized, reference, next);
        out.append(withoutReverseVideo(result.bytes()));
        boolean appKeys = frame.applicationCursorKeys();
        if (applicationCursorKeys == null || applicationCursorKeys != appKeys || !initialized) {
            out.append(appKeys ? CURSOR_KEYS_APPLICATION : CURSOR_KEYS_NORMAL);
            applicationCursorKeys = appKeys;
        }
        MoshHistory.Edit edit = MoshHistory.Edit.NONE;
        if (moshHistory != null && !alternate && prelude.isEmpty()) {
            edit = moshHistory.afterFrame(shown, next, initialized ? result.scrolledOff().size() : 0, initialized);
        }
        shown = next;
        fullRedraw = !fitsView;
        return new FeedChunk(prelude, frame.clearHistory(),
                historyLines.convert(historyToAdd(frame, result, initialized)), out.toString(), edit);
    }

    /**
     * JediTermFX does not implement DECSCNM and logs a warning for every switch, and the renderer sends one with
     * every full redraw; cell contents never hold ESC, so removing the sequence cannot touch text.
     */
    private static String withoutReverseVideo(String bytes) {
        return bytes.indexOf("\033[?5") < 0 ? bytes : bytes.replace("\033[?5l", "").replace("\033[?5h", "");
    }

    /**
     * The rows the widget will not get by itself: when the renderer scrolls the widget (CR/LF at the bottom), the
     * widget's parser moves the rows it scrolls into its history, and those are the newest rows that scrolled off.
     */
    private List<Row> historyToAdd(SourceFrame frame, RenderResult result, boolean initialized) {
        if (!exactHistory) {
            return List.of();
        }
        List<Row> rows = frame.scrolledOff();
        int scrolledByWidget = initialized ? result.scrolledOff().size() : 0;
        return rows.subList(0, Math.max(0, rows.size() - scrolledByWidget));
    }
}
