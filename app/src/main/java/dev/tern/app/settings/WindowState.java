package dev.tern.app.settings;

import java.util.List;

/**
 * The main window as the user left it. Position null means "let the platform place it".
 *
 * @param sidebarWidth  the split pane divider position (0..1)
 * @param selectedTab   index into {@code openTabs}, -1 when none
 */
public record WindowState(Double x, Double y, double width, double height, boolean maximized,
                          double sidebarWidth, List<OpenTab> openTabs, int selectedTab) {
    public static final WindowState DEFAULTS = new WindowState(null, null, 1100, 700, false, 0.24, List.of(), -1);

    public WindowState {
        width = width < 400 || width > 20_000 ? 1100 : width;
        height = height < 300 || height > 20_000 ? 700 : height;
        sidebarWidth = sidebarWidth <= 0.05 || sidebarWidth >= 0.8 ? 0.24 : sidebarWidth;
        openTabs = openTabs == null ? List.of() : List.copyOf(openTabs);
    }
}
