package dev.tern.widget.pipeline;

import com.techsenger.jeditermfx.core.model.TerminalLine;

import java.util.List;

/**
 * One frame's worth of work for the widget: parse {@code prelude} (a buffer switch that must happen before the
 * history is touched), then (optionally) clear its history, apply a Mosh tab's {@code edit} (its provisional lines
 * replaced by confirmed ones, new provisional lines appended), append {@code history} to it in one batch, and parse
 * {@code text} (the frame renderer's output plus mode switches).
 */
record FeedChunk(String prelude, boolean clearHistory, List<TerminalLine> history, String text,
                 MoshHistory.Edit edit) {
    FeedChunk {
        history = List.copyOf(history);
    }

    FeedChunk(String prelude, boolean clearHistory, List<TerminalLine> history, String text) {
        this(prelude, clearHistory, history, text, MoshHistory.Edit.NONE);
    }

    /** How many lines this chunk puts into the widget's history: its own and its edit's. */
    int historyLines() {
        return history.size() + (edit.confirm() == null ? 0 : edit.confirm().size()) + edit.append().size();
    }
}
