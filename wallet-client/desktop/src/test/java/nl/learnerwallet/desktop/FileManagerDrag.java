package nl.learnerwallet.desktop;

import com.sun.javafx.tk.TKClipboard;
import java.security.AccessControlContext;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

/**
 * What a file manager's drag carries into the window: the dragged content, offered for copying.
 * JavaFX's own local clipboard cannot say which transfer modes a drag source offers, and a drop
 * target asks; this one says "copy", as a file manager does.
 */
final class FileManagerDrag implements TKClipboard {

    private final Map<DataFormat, Object> content = new LinkedHashMap<>();
    private Image dragView;
    private double offsetX;
    private double offsetY;

    @Override
    @SuppressWarnings("removal")
    public void setSecurityContext(AccessControlContext context) {
        // No security manager in the tests.
    }

    @Override
    public Set<DataFormat> getContentTypes() {
        return content.keySet();
    }

    @Override
    @SafeVarargs
    public final boolean putContent(Pair<DataFormat, Object>... pairs) {
        content.clear();
        for (Pair<DataFormat, Object> pair : pairs) {
            content.put(pair.getKey(), pair.getValue());
        }
        return true;
    }

    @Override
    public Object getContent(DataFormat format) {
        return content.get(format);
    }

    @Override
    public boolean hasContent(DataFormat format) {
        return content.containsKey(format);
    }

    @Override
    public Set<TransferMode> getTransferModes() {
        return EnumSet.of(TransferMode.COPY);
    }

    @Override
    public void setDragView(Image image) {
        dragView = image;
    }

    @Override
    public void setDragViewOffsetX(double offset) {
        offsetX = offset;
    }

    @Override
    public void setDragViewOffsetY(double offset) {
        offsetY = offset;
    }

    @Override
    public Image getDragView() {
        return dragView;
    }

    @Override
    public double getDragViewOffsetX() {
        return offsetX;
    }

    @Override
    public double getDragViewOffsetY() {
        return offsetY;
    }
}
