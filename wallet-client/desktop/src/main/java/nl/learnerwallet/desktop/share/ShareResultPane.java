package nl.learnerwallet.desktop.share;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import nl.learnerwallet.client.share.OfflineCodes;
import nl.learnerwallet.client.share.QrCodes;
import nl.learnerwallet.client.share.ShareLinks;
import nl.learnerwallet.desktop.Messages;
import nl.learnerwallet.desktop.credentials.Cards;

/**
 * A share just made: its QR code, large, for a phone to scan from the screen; the link with a
 * button that copies it; and, for one VC-JWT or SD-JWT VC, the offline QR code that holds the
 * presentation itself — when it fits a code a phone reads, else why not.
 */
final class ShareResultPane extends VBox {

    /** What the wizard made: the link, the offline code (null when the credential's format has none), and whether several credentials were chosen. */
    record Made(ShareLinks.ShareLink link, OfflineCodes.OfflineCode offline, boolean several) {
    }

    private final QrCodeView qr = new QrCodeView();
    private final LinkField link = new LinkField("share");
    private final Label summary = new Label();
    private final Label offlineNote = new Label();
    private final ToggleButton linkCode = new ToggleButton(Messages.get("result.linkCode"));
    private final ToggleButton offlineCode = new ToggleButton(Messages.get("result.offlineCode"));
    private Made made;

    ShareResultPane() {
        getStyleClass().addAll("form", "share-result");
        setAlignment(Pos.TOP_LEFT);
        qr.setId("share-qr");
        summary.setId("share-summary");
        summary.setWrapText(true);
        offlineNote.setId("offline-note");
        offlineNote.setWrapText(true);
        ToggleGroup codes = new ToggleGroup();
        linkCode.setToggleGroup(codes);
        offlineCode.setToggleGroup(codes);
        linkCode.setId("show-link-code");
        offlineCode.setId("show-offline-code");
        linkCode.setSelected(true);
        codes.selectedToggleProperty().addListener((property, before, after) -> {
            if (after == null) {
                before.setSelected(true); // one code is always shown
            } else {
                draw();
            }
        });
        // The link and its button first: they must never be below the fold, however large the code.
        HBox code = new HBox(qr);
        code.setAlignment(Pos.CENTER);
        getChildren().addAll(summary, link, new HBox(linkCode, offlineCode), code, offlineNote);
    }

    void show(Made shareMade) {
        this.made = shareMade;
        ShareLinks.ShareLink share = shareMade.link();
        link.show(share.url());
        summary.setText(Messages.get(share.maxViews() == null ? "result.summary" : "result.summaryViews",
                share.titles().size(), Cards.dateTime(share.expiresAt()), share.maxViews() == null ? 0 : share.maxViews()));
        OfflineCodes.OfflineCode offline = shareMade.offline();
        boolean fits = offline != null && offline.fits();
        offlineCode.setDisable(!fits);
        if (shareMade.several()) {
            offlineNote.setText(Messages.get("result.offlineOne"));
        } else if (offline == null) {
            offlineNote.setText(Messages.get("result.offlineFormat"));
        } else if (!fits) {
            offlineNote.setText(Messages.get("result.offlineTooLarge", QrCodes.MAX_OFFLINE_VERSION));
        } else {
            offlineNote.setText("");
        }
        linkCode.setSelected(true);
        draw();
    }

    private void draw() {
        if (made == null) {
            return;
        }
        if (offlineCode.isSelected() && made.offline() != null && made.offline().fits()) {
            qr.show(made.offline().modules(), Messages.get("result.offlineAccessible"));
            offlineNote.setText(Messages.get("result.offlineAbout", Cards.dateTime(made.offline().expiresAt())));
        } else {
            qr.show(QrCodes.encode(made.link().url()), Messages.get("result.linkAccessible", made.link().url()));
            if (made.offline() != null && made.offline().fits()) {
                offlineNote.setText(Messages.get("result.offlineAvailable"));
            }
        }
    }
}
