package nl.learnerwallet.desktop.importing;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * Makes a node take what is dropped on it: files (badge images, JSON, JWT), a link dragged from a
 * browser, or an offer link as text. While something importable hovers, the node shows it
 * ({@code :drop-ready}).
 */
public final class DropTarget {

    private static final PseudoClass DROP_READY = PseudoClass.getPseudoClass("drop-ready");

    private DropTarget() {
    }

    public static void install(Node node, Importer importer) {
        node.addEventHandler(DragEvent.DRAG_OVER, event -> {
            if (importable(event.getDragboard())) {
                event.acceptTransferModes(TransferMode.COPY);
                node.pseudoClassStateChanged(DROP_READY, true);
                event.consume();
            }
        });
        node.addEventHandler(DragEvent.DRAG_EXITED, event -> node.pseudoClassStateChanged(DROP_READY, false));
        node.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            node.pseudoClassStateChanged(DROP_READY, false);
            Dragboard dropped = event.getDragboard();
            boolean taken = true;
            if (dropped.hasFiles()) {
                List<Path> files = new ArrayList<>();
                for (File file : dropped.getFiles()) {
                    files.add(file.toPath());
                }
                importer.importFiles(files);
            } else if (dropped.hasUrl()) {
                importer.importText(dropped.getUrl());
            } else if (dropped.hasString()) {
                importer.importText(dropped.getString());
            } else {
                taken = false;
            }
            event.setDropCompleted(taken);
            event.consume();
        });
    }

    private static boolean importable(Dragboard dragboard) {
        return dragboard.hasFiles() || dragboard.hasUrl() || dragboard.hasString();
    }
}
