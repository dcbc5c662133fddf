package nl.learnerwallet.desktop.credentials;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import nl.learnerwallet.desktop.Messages;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.card.WorkPeriod;
import nl.learnerwallet.model.verify.VerificationStatus;

/** How kinds, statuses, dates and a card's key facts read on screen, shared by every screen that shows credentials. */
public final class Cards {

    /** The order of the overview's groups: what a learner collects most, and shows most, first. */
    public static final CredentialKind[] KIND_ORDER = {CredentialKind.MICROCREDENTIAL, CredentialKind.REGULAR_BADGE,
        CredentialKind.EXTRACURRICULAR_BADGE, CredentialKind.DIPLOMA, CredentialKind.WORK_EXPERIENCE, CredentialKind.OTHER};

    private Cards() {
    }

    public static String kind(CredentialKind kind) {
        return Messages.get("kind." + kind.name());
    }

    /** The overview's heading for a group. */
    public static String kindPlural(CredentialKind kind) {
        return Messages.get("kind.plural." + kind.name());
    }

    /** A status in two or three words, for chips and tables. */
    public static String statusShort(VerificationStatus status) {
        return Messages.get("status.short." + status.name());
    }

    /** A status as a sentence, for the detail. */
    public static String statusLong(VerificationStatus status) {
        return Messages.get("status.long." + status.name());
    }

    public static String title(CredentialCard card) {
        return card.title() == null || card.title().trim().isEmpty() ? Messages.get("card.untitled") : card.title();
    }

    /** Who stands behind it: the awarding body's name, else its identifier. */
    public static String issuer(CredentialCard card) {
        return card.awardingBody() != null ? card.awardingBody() : card.issuerId() != null ? card.issuerId() : "";
    }

    /** The facts an employer asks first: level and study load, or for work the period. */
    public static String facts(CredentialCard card) {
        List<String> facts = new ArrayList<>();
        if (!card.level().isEmpty()) {
            facts.add(card.level().toString());
        }
        if (card.studyLoad() != null) {
            facts.add(card.studyLoad().toString());
        }
        if (card.workPeriod() != null) {
            facts.add(period(card.workPeriod()));
        }
        return String.join(" \u00b7 ", facts);
    }

    public static String period(WorkPeriod period) {
        return period.to() == null ? Messages.get("card.periodOngoing", period.from()) : period.from() + " \u2013 " + period.to();
    }

    public static String date(Instant instant) {
        return instant == null ? null
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.getDefault())
                        .format(instant.atZone(ZoneId.systemDefault()));
    }

    public static String dateTime(Instant instant) {
        return instant == null ? null
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(Locale.getDefault())
                        .format(instant.atZone(ZoneId.systemDefault()));
    }

    /**
     * A status as a chip: a sign and words, so that it never rests on colour alone; the style
     * class ({@code status-good}, {@code status-doubt}, {@code status-bad}, {@code status-own})
     * gives the colour.
     */
    public static Label statusChip(VerificationStatus status) {
        Label chip = new Label(sign(status) + " " + statusShort(status));
        chip.getStyleClass().addAll("status-chip", "status-" + tone(status));
        return chip;
    }

    private static String sign(VerificationStatus status) {
        switch (tone(status)) {
            case "good": return "\u2714";
            case "bad": return "\u2716";
            case "own": return "\u270e";
            default: return "?";
        }
    }

    /** good: genuine; own: the learner's own word; doubt: could not be settled; bad: do not rely on it. */
    static String tone(VerificationStatus status) {
        switch (status) {
            case VERIFIED: return "good";
            case SELF_DECLARED: return "own";
            case UNKNOWN_ISSUER:
            case UNVERIFIABLE: return "doubt";
            default: return "bad";
        }
    }

    /** The style class of a kind, e.g. {@code kind-microcredential}: each kind looks different. */
    public static String kindStyle(CredentialKind kind) {
        return "kind-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
