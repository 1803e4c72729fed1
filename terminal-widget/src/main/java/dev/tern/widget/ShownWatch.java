package dev.tern.widget;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Tells whether a node is in a showing window, and whether it can be seen there: it and every ancestor visible. A
 * tab pane hides the content of the tabs not selected by making it invisible, so this is how a terminal learns that
 * its tab went to the background, without the app having to tell it (and how a tab restored in the background
 * learns it is shown). Follows the node when it moves. FX thread.
 */
public final class ShownWatch {
    public enum Sight {
        /** Not in a window, or its window is not showing. */
        NO_WINDOW,
        /** In a showing window, but hidden (a tab in the background). */
        HIDDEN,
        /** In a showing window and visible. */
        SHOWN
    }

    private final Node node;
    private final Consumer<Sight> onChange;
    private final List<Observable> watched = new ArrayList<>();
    private final InvalidationListener recheck = obs -> update();
    private Sight sight;
    private boolean stopped;

    private ShownWatch(Node node, Consumer<Sight> onChange) {
        this.node = node;
        this.onChange = onChange;
    }

    /** Calls {@code onChange} with the node's sight now and again whenever it changes, until {@link #stop()}. */
    public static ShownWatch install(Node node, Consumer<Sight> onChange) {
        ShownWatch watch = new ShownWatch(node, onChange);
        watch.update();
        return watch;
    }

    /** Stops watching: no more calls, and no listener left on the node or its ancestors. */
    public void stop() {
        stopped = true;
        unwatch();
    }

    private void unwatch() {
        for (Observable observable : watched) {
            observable.removeListener(recheck);
        }
        watched.clear();
    }

    private void update() {
        unwatch();
        if (stopped) {
            return;
        }
        // each value is read after its listener is added: reading validates it, so the listener hears the next change
        watch(node.sceneProperty());
        Scene scene = node.getScene();
        Window window = null;
        if (scene != null) {
            watch(scene.windowProperty());
            window = scene.getWindow();
        }
        boolean showing = false;
        if (window != null) {
            watch(window.showingProperty());
            showing = window.isShowing();
        }
        boolean visible = true;
        for (Node n = node; n != null; n = n.getParent()) {
            watch(n.visibleProperty());
            watch(n.parentProperty());
            visible &= n.isVisible();
        }
        Sight now = !showing ? Sight.NO_WINDOW : visible ? Sight.SHOWN : Sight.HIDDEN;
        if (now != sight) {
            sight = now;
            onChange.accept(now);
        }
    }

    private void watch(Observable observable) {
        observable.addListener(recheck);
        watched.add(observable);
    }
}
