package nl.learnerwallet.desktop;

import com.sun.javafx.scene.input.DragboardHelper;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import nl.learnerwallet.client.share.QrCodes;
import nl.learnerwallet.desktop.importing.CredentialOffers;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real app in a test: starts it on a wallet folder, waits until the wallet's thread has
 * done what it was asked (unlocking, importing, talking to the server), drops files on it through
 * its real drop handler, and reads a QR code back from the pixels the app drew.
 */
final class DesktopDriver extends FxRobot {

    /** Generous: a CI machine shared by other builds may be slow; this only synchronises, it judges nothing. */
    private static final long WAIT_SECONDS = 180;

    private WalletApp app;

    WalletApp start(DesktopOptions options, CredentialOffers offers) throws TimeoutException {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = (WalletApp) FxToolkit.setupApplication(() -> new WalletApp(options, nl.learnerwallet.client.wallet.WalletContext.standard(true), offers));
        WaitForAsyncUtils.waitForFxEvents();
        awaitIdle();
        return app;
    }

    void stop() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app = null;
        }
        FxToolkit.cleanupStages();
    }

    ActivityBar activity() {
        return lookup("#activity").queryAs(ActivityBar.class);
    }

    /** Waits until no job is running or waiting, twice in a row (a job may start the next, as an import starts a reload). */
    void awaitIdle() throws TimeoutException {
        for (int calm = 0; calm < 2; ) {
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> !activity().isBusy());
            WaitForAsyncUtils.waitForFxEvents();
            calm = activity().isBusy() ? 0 : calm + 1;
        }
    }

    /** Waits until a node matching the query is showing. */
    <T extends Node> T await(String query, Class<T> type) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> lookup(query).tryQuery().isPresent());
        return lookup(query).queryAs(type);
    }

    /**
     * Drops files on a node as a file manager would: a drag over it (which the app must accept for
     * copying), then the drop, both through the app's own handlers. Glass robots cannot drag from
     * outside the window in headless Monocle, so the events are made here, with a real Dragboard.
     */
    boolean dropFiles(Node target, List<Path> files) {
        List<File> asFiles = new ArrayList<>();
        files.forEach(file -> asFiles.add(file.toFile()));
        boolean[] accepted = new boolean[1];
        boolean[] completed = new boolean[1];
        interact(() -> {
            Dragboard board = DragboardHelper.createDragboard(new FileManagerDrag());
            DragboardHelper.setDataAccessRestriction(board, false);
            ClipboardContent content = new ClipboardContent();
            content.putFiles(asFiles);
            board.setContent(content);
            DragEvent over = new DragEvent(DragEvent.DRAG_OVER, board, 100, 100, 100, 100, TransferMode.COPY, null, null, null);
            Event.fireEvent(target, over);
            accepted[0] = over.getAcceptedTransferMode() == TransferMode.COPY;
            DragEvent drop = new DragEvent(DragEvent.DRAG_DROPPED, board, 100, 100, 100, 100, TransferMode.COPY, null, null, null);
            Event.fireEvent(target, drop);
            completed[0] = drop.isDropCompleted();
        });
        return accepted[0] && completed[0];
    }

    /** Drops files on the main window and waits until the app has imported them; whether it took the drop. */
    boolean drop(Path... files) throws TimeoutException {
        boolean taken = dropFiles(lookup("#main").query(), java.util.Arrays.asList(files));
        awaitIdle();
        return taken;
    }

    /** The text of the QR code an image view shows, read from its pixels as a scanner reads a screen. */
    static String readQr(ImageView view) {
        Image image = view.getImage();
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        return QrCodes.decode(width, height, pixels);
    }

    /** Puts the keyboard in a field, as Tab would (the form scrolls it into view), and types the text. */
    void fill(String query, String text) {
        Node field = lookup(query).query();
        interact(field::requestFocus);
        write(text);
    }

    /** Presses a button from the keyboard: Tab to it (its pane scrolls it into view), then Space. */
    void press(String query) {
        Node button = lookup(query).query();
        interact(button::requestFocus);
        type(javafx.scene.input.KeyCode.SPACE);
    }

    /** Answers the confirmation dialog that is open with its OK button ("Revoke", "Delete"). */
    void confirm() {
        DialogPane dialog = lookup(".dialog-pane").queryAs(DialogPane.class);
        for (ButtonType type : dialog.getButtonTypes()) {
            if (type.getButtonData() == ButtonBar.ButtonData.OK_DONE) {
                clickOn(dialog.lookupButton(type));
                return;
            }
        }
        throw new AssertionError("the dialog has no OK button");
    }
}
