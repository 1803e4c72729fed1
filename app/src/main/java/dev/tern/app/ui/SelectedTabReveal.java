package dev.tern.app.ui;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.css.PseudoClass;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

/**
 * Keeps the selected tab's header in view when the tab strip overflows. JavaFX scrolls the strip when the selection
 * changes, but measures the header only at that moment: a header that widens afterwards (its opening animation, the
 * remote title arriving, the spinner giving way to the state icon) or a strip that narrows leaves the selected tab
 * cut off at the edge. So after each layout that may have moved it, this checks where the header is and scrolls the
 * strip by what is missing, through the one public way the strip scrolls: the scroll event a mouse wheel sends it.
 */
final class SelectedTabReveal {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final TabPane tabPane;
    private final Runnable afterLayout = this::afterLayout;
    private final InvalidationListener moved = this::request;
    private Node watchedHeader;
    private boolean pending;

    private SelectedTabReveal(TabPane tabPane) {
        this.tabPane = tabPane;
    }

    static void install(TabPane tabPane) {
        SelectedTabReveal reveal = new SelectedTabReveal(tabPane);
        tabPane.getSelectionModel().selectedItemProperty().addListener(reveal.moved);
        tabPane.getTabs().addListener(reveal.moved);
        tabPane.widthProperty().addListener(reveal.moved);
        tabPane.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removePostLayoutPulseListener(reveal.afterLayout);
            }
            reveal.listenTo(scene);
        });
        reveal.listenTo(tabPane.getScene());
    }

    private void listenTo(Scene scene) {
        if (scene != null) {
            scene.addPostLayoutPulseListener(afterLayout);
            request(null);
        }
    }

    private void request(Observable ignored) {
        pending = true;
    }

    private void afterLayout() {
        if (pending) {
            pending = false;
            // measured once the pulse is over: reading bounds from within it disturbs the scene's own bookkeeping
            Platform.runLater(this::reveal);
        }
    }

    private void reveal() {
        if (!(tabPane.lookup(".tab-header-area") instanceof Region strip)) {
            return;
        }
        Node header = strip.lookupAll(".tab").stream()
                .filter(node -> node.getPseudoClassStates().contains(SELECTED)).findFirst().orElse(null);
        if (header == null) {
            return;
        }
        watch(header);
        Bounds shown = strip.sceneToLocal(header.localToScene(header.getLayoutBounds()));
        Node menuButton = strip.lookup(".control-buttons-tab");
        double left = strip.snappedLeftInset();
        double right = menuButton != null && menuButton.isVisible()
                ? strip.sceneToLocal(menuButton.localToScene(menuButton.getLayoutBounds())).getMinX()
                : strip.getWidth() - strip.snappedRightInset();
        double shift = 0;
        if (shown.getMinX() < left || shown.getWidth() > right - left) {
            shift = left - shown.getMinX();
        } else if (shown.getMaxX() > right) {
            shift = right - shown.getMaxX();
        }
        if (Math.abs(shift) >= 1) {
            // the strip adds the larger of the two deltas to its scroll offset (headers move right when positive)
            Event.fireEvent(strip, new ScrollEvent(ScrollEvent.SCROLL, 0, 0, 0, 0, false, false, false, false,
                    false, false, shift, 0, shift, 0, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
        }
    }

    /** A header that changes width (growing open, a new title) is looked at again after the next layout. */
    private void watch(Node header) {
        if (header != watchedHeader) {
            if (watchedHeader != null) {
                watchedHeader.layoutBoundsProperty().removeListener(moved);
            }
            watchedHeader = header;
            header.layoutBoundsProperty().addListener(moved);
        }
    }
}
