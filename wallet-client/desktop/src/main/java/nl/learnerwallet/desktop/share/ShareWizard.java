package nl.learnerwallet.desktop.share;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import nl.learnerwallet.client.share.OfflineCodes;
import nl.learnerwallet.client.share.SdJwtPresenter;
import nl.learnerwallet.client.share.ShareLinks;
import nl.learnerwallet.client.sync.SyncService;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.desktop.Jobs;
import nl.learnerwallet.desktop.Labels;
import nl.learnerwallet.desktop.Messages;
import nl.learnerwallet.desktop.Problems;
import nl.learnerwallet.desktop.Refusal;
import nl.learnerwallet.desktop.ScrollToFocus;
import nl.learnerwallet.desktop.WalletSession;
import nl.learnerwallet.desktop.credentials.Cards;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.card.StudyLoad;
import nl.learnerwallet.model.exemption.ExemptionRequest;
import nl.learnerwallet.model.json.UntrustedInputException;

/**
 * Makes a share link in steps: which credentials; for SD-JWT VCs which claims to show (nothing is
 * shown by default); how long the link works, how often it may be opened, a note, and whether it
 * is for an employer or an exam committee (then the course asked exemption for); then the QR code
 * and the link. For one VC-JWT or SD-JWT VC it also offers the offline QR code, when it fits.
 */
public final class ShareWizard {

    private enum Step { CHOOSE, CLAIMS, SETTINGS, RESULT }

    /** How long a link works, as the learner picks it. */
    private static final Duration[] EXPIRIES = {Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(7),
        Duration.ofDays(30), Duration.ofDays(90)};
    private static final int DEFAULT_EXPIRY = 2;
    private static final double STEP_HEIGHT_EMS = 30;

    private final Jobs jobs;
    private final Runnable onCreated;
    private final Stage stage = new Stage();
    private final Label stepTitle = new Label();
    private final Label problem = new Label();
    private final BorderPane frame = new BorderPane();
    private final Button back = new Button(Messages.get("wizard.back"));
    private final Button next = new Button(Messages.get("wizard.next"));
    private final Button create = new Button(Messages.get("wizard.create"));
    private final Button cancel = new Button(Messages.get("wizard.cancel"));
    private final Button done = new Button(Messages.get("wizard.done"));
    private Step step = Step.CHOOSE;

    private final List<CheckBox> credentialChoices = new ArrayList<>();
    private final VBox claimsBox = new VBox();
    private final List<CheckBox> claimChoices = new ArrayList<>();
    private final ComboBox<String> expiry = new ComboBox<>();
    private final CheckBox limitViews = new CheckBox(Messages.get("wizard.limitViews"));
    private final Spinner<Integer> maxViews = new Spinner<>(1, 1000, 3);
    private final TextField label = new TextField();
    private final RadioButton forEmployer = new RadioButton(Messages.get("wizard.forEmployer"));
    private final RadioButton forExemption = new RadioButton(Messages.get("wizard.forExemption"));
    private final CheckBox discloseIdentities = new CheckBox(Messages.get("wizard.discloseIdentities"));
    private final TextField institution = new TextField();
    private final TextField courseCode = new TextField();
    private final TextField courseName = new TextField();
    private final TextArea courseOutcomes = new TextArea();
    private final ComboBox<String> courseLevel = new ComboBox<>();
    private final TextField courseLoad = new TextField();
    private final ComboBox<String> courseLoadUnit = new ComboBox<>();
    private final TextArea motivation = new TextArea();
    private final ShareResultPane result = new ShareResultPane();

    private ShareWizard(Window owner, Jobs jobs, List<StoredCredential> credentials, List<String> preselected,
            Runnable onCreated) {
        this.jobs = jobs;
        this.onCreated = onCreated;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Messages.get("wizard.title"));

        for (StoredCredential credential : sorted(credentials)) {
            CheckBox choice = new CheckBox(Cards.title(credential.card()) + " \u2014 " + Cards.kind(credential.card().kind())
                    + " \u00b7 " + Cards.statusShort(credential.report().status()));
            choice.setId("choose-" + credential.id());
            choice.setUserData(credential);
            choice.setSelected(preselected.contains(credential.id()));
            choice.setWrapText(true);
            choice.setMnemonicParsing(false);
            credentialChoices.add(choice);
        }

        stepTitle.getStyleClass().add("section-heading");
        stepTitle.setId("wizard-step");
        problem.setId("wizard-problem");
        problem.getStyleClass().add("form-problem");
        problem.setWrapText(true);

        back.setId("wizard-back");
        back.setOnAction(event -> go(previous()));
        next.setId("wizard-next");
        next.setOnAction(event -> {
            if (validate()) {
                go(following());
            }
        });
        create.setId("wizard-create");
        create.setOnAction(event -> {
            if (validate()) {
                createShare();
            }
        });
        cancel.setId("wizard-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(event -> stage.close());
        done.setId("wizard-done");
        done.setOnAction(event -> stage.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(cancel, spacer, back, next, create, done);
        buttons.getStyleClass().add("button-row");
        buttons.setAlignment(Pos.CENTER_RIGHT);

        frame.getStyleClass().add("wizard");
        frame.setTop(stepTitle);
        frame.setBottom(new VBox(problem, buttons));
        Scene scene = new Scene(frame);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        go(Step.CHOOSE);
    }

    /**
     * Opens the wizard.
     *
     * @param preselected the ids of the credentials already chosen (from a detail, or none)
     * @param onCreated runs after a share was made (the shares list shows it)
     */
    public static ShareWizard open(Window owner, Jobs jobs, List<StoredCredential> credentials, List<String> preselected,
            Runnable onCreated) {
        ShareWizard wizard = new ShareWizard(owner, jobs, credentials, preselected, onCreated);
        wizard.stage.show();
        return wizard;
    }

    public Stage stage() {
        return stage;
    }

    private void go(Step target) {
        step = target;
        problem.setText("");
        Node content;
        switch (target) {
            case CHOOSE:
                content = chooseStep();
                break;
            case CLAIMS:
                content = claimsStep();
                break;
            case SETTINGS:
                content = settingsStep();
                break;
            default:
                content = result;
                break;
        }
        stepTitle.setText(Messages.get("wizard.step." + target.name()));
        ScrollPane scroller = new ScrollPane(content);
        scroller.setFitToWidth(true);
        ScrollToFocus.install(scroller);
        frame.setCenter(scroller);
        fitHeight(scroller, content);
        boolean last = target == Step.SETTINGS;
        show(back, target != Step.CHOOSE && target != Step.RESULT);
        show(next, !last && target != Step.RESULT);
        show(create, last);
        show(cancel, target != Step.RESULT);
        show(done, target == Step.RESULT);
        next.setDefaultButton(!last);
        create.setDefaultButton(last);
        done.setDefaultButton(target == Step.RESULT);
        done.setCancelButton(target == Step.RESULT);
        stage.sizeToScene();
    }

    /**
     * Makes the step as tall as it needs, as far as the screen allows: the result as tall as its QR
     * code, so that a phone sees the code whole without scrolling. Measured after styling and layout.
     */
    private void fitHeight(ScrollPane scroller, Node content) {
        frame.applyCss();
        frame.layout();
        double em = Font.getDefault().getSize();
        double wanted = content instanceof Region ? ((Region) content).prefHeight(scroller.getViewportBounds().getWidth()) : 0;
        double screen = Screen.getPrimary().getVisualBounds().getHeight();
        scroller.setPrefViewportHeight(Math.min(Math.max(wanted, STEP_HEIGHT_EMS * em), screen * 0.75));
    }

    private static void show(Button button, boolean visible) {
        button.setVisible(visible);
        button.setManaged(visible);
    }

    private Step following() {
        if (step == Step.CHOOSE) {
            return chosenSdJwt().isEmpty() ? Step.SETTINGS : Step.CLAIMS;
        }
        return Step.SETTINGS;
    }

    private Step previous() {
        if (step == Step.SETTINGS && !chosenSdJwt().isEmpty()) {
            return Step.CLAIMS;
        }
        return Step.CHOOSE;
    }

    private Node chooseStep() {
        VBox box = new VBox();
        box.getStyleClass().add("form");
        box.getChildren().add(Labels.intro(Messages.get("wizard.chooseIntro")));
        box.getChildren().addAll(credentialChoices);
        return box;
    }

    private Node claimsStep() {
        // Built again each time: the chosen credentials may have changed; earlier ticks are kept.
        Set<String> ticked = new LinkedHashSet<>();
        for (CheckBox choice : claimChoices) {
            if (choice.isSelected()) {
                ticked.add((String) choice.getUserData());
            }
        }
        claimChoices.clear();
        claimsBox.getChildren().setAll(Labels.intro(Messages.get("wizard.claimsIntro")));
        Set<String> claims = new LinkedHashSet<>();
        for (StoredCredential credential : chosenSdJwt()) {
            claims.addAll(credential.card().disclosableClaims());
        }
        FlowPane boxes = new FlowPane();
        boxes.getStyleClass().add("claims");
        for (String claim : claims) {
            CheckBox choice = new CheckBox(claim);
            choice.setId("claim-" + claim.replaceAll("[^A-Za-z0-9_-]", "-"));
            choice.setUserData(claim);
            choice.setMnemonicParsing(false);
            choice.setSelected(ticked.contains(claim));
            claimChoices.add(choice);
            boxes.getChildren().add(choice);
        }
        Button all = new Button(Messages.get("wizard.claimsAll"));
        all.setId("claims-all");
        all.setOnAction(event -> claimChoices.forEach(choice -> choice.setSelected(true)));
        Button none = new Button(Messages.get("wizard.claimsNone"));
        none.setId("claims-none");
        none.setOnAction(event -> claimChoices.forEach(choice -> choice.setSelected(false)));
        claimsBox.getChildren().addAll(boxes, new HBox(all, none));
        claimsBox.getStyleClass().add("form");
        return claimsBox;
    }

    private Node settingsStep() {
        if (expiry.getItems().isEmpty()) {
            for (Duration each : EXPIRIES) {
                expiry.getItems().add(Messages.get(each.toDays() >= 1 ? "wizard.expiry.days" : "wizard.expiry.hours",
                        each.toDays() >= 1 ? each.toDays() : each.toHours()));
            }
            expiry.getSelectionModel().select(DEFAULT_EXPIRY);
            ToggleGroup purpose = new ToggleGroup();
            forEmployer.setToggleGroup(purpose);
            forExemption.setToggleGroup(purpose);
            forEmployer.setSelected(true);
            forEmployer.setId("purpose-employer");
            forExemption.setId("purpose-exemption");
            discloseIdentities.setSelected(true);
            discloseIdentities.setId("disclose-identities");
            discloseIdentities.setWrapText(true);
            limitViews.setId("limit-views");
            maxViews.setId("max-views");
            // Changed with its arrows or the arrow keys: typed text would have to be parsed and could be nonsense.
            maxViews.setEditable(false);
            maxViews.disableProperty().bind(limitViews.selectedProperty().not());
            label.setId("share-label");
            expiry.setId("expiry");
            for (int level = 1; level <= 8; level++) {
                courseLevel.getItems().add("EQF " + level);
            }
            courseLevel.getItems().add(0, Messages.get("wizard.course.noLevel"));
            courseLevel.getSelectionModel().selectFirst();
            courseLoadUnit.getItems().addAll("EC", "SBU");
            courseLoadUnit.getSelectionModel().selectFirst();
            institution.setId("course-institution");
            courseCode.setId("course-code");
            courseName.setId("course-name");
            courseOutcomes.setId("course-outcomes");
            courseOutcomes.setPrefRowCount(4);
            courseOutcomes.setWrapText(true);
            courseLoad.setId("course-load");
            courseLoad.setPrefColumnCount(5);
            motivation.setId("course-motivation");
            motivation.setPrefRowCount(3);
            motivation.setWrapText(true);
        }
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        int row = 0;
        grid.addRow(row++, Labels.forField("wizard.expiry", expiry), expiry);
        grid.addRow(row++, new Label(), new HBox(limitViews, maxViews));
        grid.addRow(row++, Labels.forField("wizard.label", label), label);
        grid.addRow(row++, new Label(Messages.get("wizard.purpose")), new VBox(forEmployer, forExemption));
        grid.addRow(row, new Label(), discloseIdentities);

        GridPane course = new GridPane();
        course.getStyleClass().add("form-grid");
        row = 0;
        course.addRow(row++, Labels.forField("wizard.course.institution", institution), institution);
        course.addRow(row++, Labels.forField("wizard.course.code", courseCode), courseCode);
        course.addRow(row++, Labels.forField("wizard.course.name", courseName), courseName);
        course.addRow(row++, Labels.forField("wizard.course.outcomes", courseOutcomes), courseOutcomes);
        course.addRow(row++, Labels.forField("wizard.course.level", courseLevel), courseLevel);
        course.addRow(row++, Labels.forField("wizard.course.load", courseLoad), new HBox(courseLoad, courseLoadUnit));
        course.addRow(row, Labels.forField("wizard.course.motivation", motivation), motivation);
        VBox exemption = new VBox(Labels.intro(Messages.get("wizard.course.intro")), course);
        exemption.setId("exemption-fields");
        exemption.visibleProperty().bind(forExemption.selectedProperty());
        exemption.managedProperty().bind(forExemption.selectedProperty());
        exemption.visibleProperty().addListener((property, before, after) -> {
            if (frame.getCenter() instanceof ScrollPane) {
                fitHeight((ScrollPane) frame.getCenter(), ((ScrollPane) frame.getCenter()).getContent());
                stage.sizeToScene();
            }
        });
        VBox box = new VBox(grid, exemption);
        box.getStyleClass().add("form");
        return box;
    }

    private boolean validate() {
        problem.setText("");
        try {
            if (step == Step.CHOOSE && chosen().isEmpty()) {
                throw new Refusal("wizard.chooseOne");
            }
            if (step == Step.SETTINGS) {
                exemptionRequest();
            }
            return true;
        } catch (Refusal | UntrustedInputException e) {
            problem.setText(Problems.sentence(e));
            return false;
        }
    }

    /** The exam committee's request, checked; null for an employer. */
    private ExemptionRequest exemptionRequest() {
        if (!forExemption.isSelected()) {
            return null;
        }
        requireFilled(institution, "wizard.course.institution");
        requireFilled(courseCode, "wizard.course.code");
        requireFilled(courseName, "wizard.course.name");
        StudyLoad load = null;
        String loadText = courseLoad.getText().trim().replace(',', '.');
        if (!loadText.isEmpty()) {
            try {
                BigDecimal amount = new BigDecimal(loadText);
                load = new StudyLoad(amount, courseLoadUnit.getSelectionModel().getSelectedIndex() == 0
                        ? StudyLoad.Unit.ECTS : StudyLoad.Unit.SBU);
            } catch (IllegalArgumentException e) {
                throw new Refusal("wizard.course.badLoad", courseLoad.getText());
            }
        }
        int levelIndex = courseLevel.getSelectionModel().getSelectedIndex();
        String motivationText = motivation.getText().trim();
        return new ExemptionRequest(institution.getText().trim(), courseCode.getText().trim(), courseName.getText().trim(),
                ExemptionRequest.outcomesFromText(courseOutcomes.getText().getBytes(StandardCharsets.UTF_8)),
                levelIndex <= 0 ? null : levelIndex, load, motivationText.isEmpty() ? null : motivationText);
    }

    private static void requireFilled(TextField field, String labelKey) {
        if (field.getText().trim().isEmpty()) {
            field.requestFocus();
            // The field's own label, without its mnemonic mark and colon: "Fill in Institution."
            throw new Refusal("wizard.required", Messages.get(labelKey).replace("_", "").replaceAll("\\s*:$", "")
                    .replaceAll("\\s*\\(.*\\)$", ""));
        }
    }

    private void createShare() {
        List<String> ids = new ArrayList<>();
        for (StoredCredential credential : chosen()) {
            ids.add(credential.id());
        }
        List<String> claims = new ArrayList<>();
        for (CheckBox choice : claimChoices) {
            if (choice.isSelected()) {
                claims.add((String) choice.getUserData());
            }
        }
        Duration expiresIn = EXPIRIES[Math.max(0, expiry.getSelectionModel().getSelectedIndex())];
        ShareLinks.Request request = new ShareLinks.Request(ids, expiresIn, limitViews.isSelected() ? maxViews.getValue() : null,
                label.getText().trim().isEmpty() ? null : label.getText().trim(),
                forExemption.isSelected() ? "exemption" : "employer", discloseIdentities.isSelected(), claims,
                exemptionRequest());
        StoredCredential single = ids.size() == 1 ? chosen().get(0) : null;
        create.setDisable(true);
        jobs.run(Messages.get("wizard.creating"), wallet -> {
            WalletSession session = jobs.session();
            ShareLinks links = new ShareLinks(wallet, SyncService.clientFor(wallet, session.context()), session.context());
            ShareLinks.ShareLink link = links.create(request, session.home().trustList());
            OfflineCodes.OfflineCode offline = single != null && OfflineCodes.supports(single.format())
                    ? OfflineCodes.make(wallet, single, single.format() == CredentialFormat.SD_JWT_VC ? claims
                            : Collections.singletonList(SdJwtPresenter.ALL),
                            session.context().clock().instant(), expiresIn, session.context().random())
                    : null;
            return new ShareResultPane.Made(link, offline, single == null);
        }, made -> {
            create.setDisable(false);
            result.show(made);
            go(Step.RESULT);
            jobs.bar().say(Messages.get("wizard.created", made.link().titles().size(), Cards.dateTime(made.link().expiresAt())));
            onCreated.run();
        }, sentence -> {
            create.setDisable(false);
            problem.setText(sentence);
        });
    }

    private List<StoredCredential> chosen() {
        List<StoredCredential> chosen = new ArrayList<>();
        for (CheckBox choice : credentialChoices) {
            if (choice.isSelected()) {
                chosen.add((StoredCredential) choice.getUserData());
            }
        }
        return chosen;
    }

    private List<StoredCredential> chosenSdJwt() {
        List<StoredCredential> chosen = new ArrayList<>();
        for (StoredCredential credential : chosen()) {
            if (credential.format() == CredentialFormat.SD_JWT_VC && !credential.card().disclosableClaims().isEmpty()) {
                chosen.add(credential);
            }
        }
        return chosen;
    }

    private static List<StoredCredential> sorted(List<StoredCredential> credentials) {
        List<StoredCredential> sorted = new ArrayList<>();
        for (CredentialKind kind : Cards.KIND_ORDER) {
            for (StoredCredential credential : credentials) {
                if (credential.card().kind() == kind) {
                    sorted.add(credential);
                }
            }
        }
        return sorted;
    }
}
