package dev.tern.widget;

import com.techsenger.jeditermfx.core.model.hyperlinks.HyperlinkFilter;
import com.techsenger.jeditermfx.core.model.hyperlinks.LinkInfo;
import com.techsenger.jeditermfx.core.model.hyperlinks.LinkResult;
import com.techsenger.jeditermfx.core.model.hyperlinks.LinkResultItem;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes web and mail addresses on screen clickable. Opening is left to the app (JavaFX's HostServices), because
 * JediTermFX's own filter goes through AWT, which a JavaFX application should not start for this.
 */
final class UrlLinks implements HyperlinkFilter {
    private static final Pattern URL = Pattern.compile(
            "\\b(?:https?://|ftp://|mailto:|www\\.)[-A-Za-z0-9+$&@#/%?=~_|!:,.;()]*[-A-Za-z0-9+$&@#/%=~_|]");

    private final Supplier<Consumer<String>> opener;

    UrlLinks(Supplier<Consumer<String>> opener) {
        this.opener = opener;
    }

    @Override
    public LinkResult apply(String line) {
        if (!(line.contains("://") || line.contains("mailto:") || line.contains("www."))) {
            return null;
        }
        List<LinkResultItem> items = new ArrayList<>();
        Matcher m = URL.matcher(line);
        while (m.find()) {
            String url = m.group().startsWith("www.") ? "https://" + m.group() : m.group();
            items.add(new LinkResultItem(m.start(), m.end(), new LinkInfo(() -> opener.get().accept(url))));
        }
        return items.isEmpty() ? null : new LinkResult(items);
    }
}
