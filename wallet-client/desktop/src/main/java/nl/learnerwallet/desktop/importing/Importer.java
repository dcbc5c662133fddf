package nl.learnerwallet.desktop.importing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import nl.learnerwallet.client.wallet.ImportResult;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.desktop.Jobs;
import nl.learnerwallet.desktop.Messages;
import nl.learnerwallet.desktop.Refusal;
import nl.learnerwallet.desktop.credentials.Cards;
import nl.learnerwallet.model.format.CredentialReader;

/**
 * Imports what the learner brings: files (chosen or dropped), a link to a hosted badge, or a
 * credential offer. Each file is its own job, so the status bar names the one being checked (a
 * hosted badge is fetched from its issuer, which may take a while); at the end one line says what
 * came of them all. Everything that parses and is not tampered is stored with its status, as
 * {@code wallet import} does.
 */
public final class Importer {

    private final Jobs jobs;
    private final CredentialOffers offers;
    private final Runnable onImported;

    /** @param onImported runs after a batch stored something, to show it */
    public Importer(Jobs jobs, CredentialOffers offers, Runnable onImported) {
        this.jobs = jobs;
        this.offers = offers;
        this.onImported = onImported;
    }

    /** Lets the learner pick files, then imports them. */
    public void chooseFiles(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("import.chooseTitle"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(Messages.get("import.filterCredentials"),
                        "*.png", "*.svg", "*.json", "*.jwt", "*.sd-jwt", "*.txt"),
                new FileChooser.ExtensionFilter(Messages.get("import.filterAll"), "*"));
        List<File> chosen = chooser.showOpenMultipleDialog(owner);
        if (chosen != null) {
            List<Path> files = new ArrayList<>();
            for (File file : chosen) {
                files.add(file.toPath());
            }
            importFiles(files);
        }
    }

    /** Imports each file in turn; the format is found by content, never by the file's name. */
    public void importFiles(List<Path> files) {
        Batch batch = new Batch(files.size());
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String name = String.valueOf(file.getFileName());
            String activity = files.size() == 1 ? Messages.get("import.checking", name)
                    : Messages.get("import.checkingOf", name, i + 1, files.size());
            jobs.run(activity, wallet -> wallet.importCredential(read(file), jobs.session().home().trustList()),
                    batch::stored, problem -> batch.refused(name, problem));
        }
    }

    /** Asks for a link to a hosted badge (or a credential offer), offering what the clipboard holds. */
    public void askForLink(Window owner) {
        TextInputDialog dialog = new TextInputDialog(clipboardLink());
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("link.title"));
        dialog.setHeaderText(Messages.get("link.header"));
        dialog.setContentText(Messages.get("link.label"));
        dialog.getEditor().setId("link-field");
        dialog.getEditor().setPrefColumnCount(40);
        dialog.showAndWait().ifPresent(this::importText);
    }

    /** Imports a link or an offer that was pasted or dropped. */
    public void importText(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (CredentialOffers.looksLikeOffer(trimmed)) {
            receiveOffer(trimmed);
        } else if (isWebLink(trimmed)) {
            Batch batch = new Batch(1);
            jobs.run(Messages.get("import.fetching", host(trimmed)),
                    wallet -> wallet.importUrl(trimmed, jobs.session().home().trustList()),
                    batch::stored, problem -> batch.refused(trimmed, problem));
        } else {
            jobs.bar().problem(Messages.get("link.notALink"));
        }
    }

    /** Asks for a credential offer: pasted as a link, or read from a QR image the learner picks. */
    public void askForOffer(Window owner) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("offer.title"));
        dialog.setHeaderText(Messages.get("offer.header"));
        TextField field = new TextField(CredentialOffers.looksLikeOffer(clipboardText()) ? clipboardText().trim() : "");
        field.setId("offer-field");
        field.setPromptText(CredentialOffers.SCHEME + "//...");
        field.setPrefColumnCount(40);
        HBox.setHgrow(field, Priority.ALWAYS);
        Label label = new Label(Messages.get("offer.label"));
        label.setLabelFor(field);
        Label problem = new Label();
        problem.setId("offer-problem");
        problem.getStyleClass().add("form-problem");
        problem.setWrapText(true);
        Button fromImage = new Button(Messages.get("offer.fromImage"));
        fromImage.setId("offer-from-image");
        fromImage.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Messages.get("offer.imageTitle"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("offer.imageFilter"),
                    "*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp"));
            File image = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (image != null) {
                readOfferImage(image.toPath(), field, problem);
            }
        });
        VBox content = new VBox(label, new HBox(field, fromImage), problem);
        content.getStyleClass().add("form");
        content.setPadding(new Insets(0));
        dialog.getDialogPane().setContent(content);
        ButtonType receive = new ButtonType(Messages.get("offer.receive"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(receive, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(receive).addEventFilter(ActionEvent.ACTION, event -> {
            if (!CredentialOffers.looksLikeOffer(field.getText())) {
                problem.setText(Messages.get("offer.notAnOffer"));
                event.consume();
            }
        });
        dialog.setResultConverter(button -> button == receive ? field.getText().trim() : null);
        Platform.runLater(field::requestFocus);
        dialog.showAndWait().ifPresent(this::receiveOffer);
    }

    /** Reads an offer from a QR image into the field (off the JavaFX thread: images can be large). */
    void readOfferImage(Path image, TextField field, Label problem) {
        problem.setText("");
        jobs.run(Messages.get("offer.readingImage", image.getFileName()), wallet -> QrImageFiles.read(image), text -> {
            if (CredentialOffers.looksLikeOffer(text)) {
                field.setText(text);
            } else {
                problem.setText(Messages.get("offer.qrNotAnOffer"));
            }
        }, problem::setText);
    }

    /** Receives the credentials an offer holds through the core's OpenID4VCI client. */
    public void receiveOffer(String offer) {
        Batch batch = new Batch(1);
        jobs.run(Messages.get("offer.receiving"),
                wallet -> offers.receive(wallet, offer, jobs.session().home().trustList(), this::askTransactionCode),
                batch::received, problem -> batch.refused(Messages.get("offer.source"), problem));
    }

    /** On the wallet's thread: asks on the JavaFX thread and waits for the answer. */
    private String askTransactionCode(String description, Integer length, boolean numeric) {
        FutureTask<String> question = new FutureTask<>(() -> {
            TextInputDialog dialog = new TextInputDialog();
            dialog.setTitle(Messages.get("offer.codeTitle"));
            dialog.setHeaderText(description != null ? description : Messages.get("offer.codeHeader"));
            dialog.setContentText(length == null ? Messages.get("offer.codeLabel") : Messages.get("offer.codeLabelLength", length));
            dialog.getEditor().setId("transaction-code");
            return dialog.showAndWait().map(String::trim).filter(code -> !code.isEmpty()).orElse(null);
        });
        Platform.runLater(question);
        try {
            return question.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return null;
        }
    }

    /**
     * A file the learner named, read with the size limit applied while reading (it may grow after
     * it was measured): at most one byte more than any credential may have.
     */
    static byte[] read(Path file) {
        String name = String.valueOf(file.getFileName());
        if (!Files.isRegularFile(file)) {
            throw new Refusal("import.notAFile", name);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(CredentialReader.MAX_INPUT_BYTES + 1);
            if (bytes.length > CredentialReader.MAX_INPUT_BYTES) {
                throw new Refusal("import.tooLarge", name);
            }
            return bytes;
        } catch (IOException e) {
            throw new Refusal("import.unreadable", name);
        }
    }

    static boolean isWebLink(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("https://") || lower.startsWith("http://")) || text.length() > 2048) {
            return false;
        }
        try {
            return new URI(text).getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String host(String link) {
        try {
            return new URI(link).getHost();
        } catch (URISyntaxException e) {
            return link;
        }
    }

    private static String clipboardText() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        return clipboard.hasString() ? clipboard.getString() : "";
    }

    private static String clipboardLink() {
        String text = clipboardText().trim();
        return isWebLink(text) || CredentialOffers.looksLikeOffer(text) ? text : "";
    }

    /** The outcome of a row of imports, told once when the last one ends. */
    private final class Batch {
        private final int expected;
        private int done;
        private final List<String> stored = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        Batch(int expected) {
            this.expected = expected;
        }

        void stored(ImportResult result) {
            stored.add(line(result));
            finish();
        }

        /** One offer may bring several credentials; it is one job all the same. */
        void received(List<ImportResult> results) {
            for (ImportResult result : results) {
                stored.add(line(result));
            }
            if (results.isEmpty()) {
                problems.add(Messages.get("offer.nothing"));
            }
            finish();
        }

        private String line(ImportResult result) {
            StoredCredential credential = result.credential();
            return Messages.get(result.alreadyPresent() ? "import.alreadyPresent" : "import.stored",
                    Cards.title(credential.card()), Cards.kind(credential.card().kind()),
                    Cards.statusShort(credential.report().status()));
        }

        void refused(String source, String problem) {
            problems.add(expected == 1 ? problem : Messages.get("import.refusedFile", source, problem));
            finish();
        }

        private void finish() {
            done++;
            if (done < expected) {
                return;
            }
            if (!stored.isEmpty()) {
                onImported.run();
            }
            List<String> lines = new ArrayList<>(stored);
            lines.addAll(problems);
            String text = expected > 1 ? Messages.get("import.summary", stored.size(), expected) + "\n" + String.join("\n", lines)
                    : String.join("\n", lines);
            if (problems.isEmpty()) {
                jobs.bar().say(text);
            } else {
                jobs.bar().problem(text);
            }
        }
    }
}
