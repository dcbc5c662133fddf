package nl.learnerwallet.desktop;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;

/**
 * Keeps the field that has the keyboard in view: JavaFX's scroll panes do not follow Tab, so a
 * learner working through a long form by keyboard would type into a field below the fold.
 */
public final class ScrollToFocus {

    private ScrollToFocus() {
    }

    public static void install(ScrollPane scroller) {
        ChangeListener<Node> follow = (property, before, focused) -> reveal(scroller, focused);
        scroller.sceneProperty().addListener((property, before, scene) -> {
            if (before != null) {
                before.focusOwnerProperty().removeListener(follow);
            }
            if (scene != null) {
                scene.focusOwnerProperty().addListener(follow);
            }
        });
        Scene scene = scroller.getScene();
        if (scene != null) {
            scene.focusOwnerProperty().addListener(follow);
        }
    }

    private static void reveal(ScrollPane scroller, Node focused) {
        Node content = scroller.getContent();
        if (focused == null || content == null || !isInside(focused, content)) {
            return;
        }
        Bounds field = content.sceneToLocal(focused.localToScene(focused.getBoundsInLocal()));
        double contentHeight = content.getBoundsInLocal().getHeight();
        double viewport = scroller.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        double top = scroller.getVvalue() * (contentHeight - viewport);
        double newTop = top;
        if (field.getMinY() < top) {
            newTop = field.getMinY();
        } else if (field.getMaxY() > top + viewport) {
            newTop = field.getMaxY() - viewport;
        }
        scroller.setVvalue(Math.max(0, Math.min(1, newTop / (contentHeight - viewport))));
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node each = node; each != null; each = each.getParent()) {
            if (each == ancestor) {
                return true;
            }
        }
        return false;
    }
}
