package nl.learnerwallet.server.page;

import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.presentation.PresentationReport;
import nl.learnerwallet.model.presentation.PresentedCredential;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.CheckResult;
import nl.learnerwallet.model.verify.Outcome;
import nl.learnerwallet.model.verify.VerificationReport;
import nl.learnerwallet.model.verify.VerificationStatus;

/**
 * Renders the share page: per credential a verdict first, then what it certifies, who issued it
 * and whether that issuer is recognised, what binds it to the person presenting it, and the named
 * checks (in a disclosure element, no JavaScript). Kinds look different on purpose: people confuse
 * microcredentials with other badges. Link expiry is stated apart from each credential's validity.
 */
final class SharePage {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private SharePage() {
    }

    static String render(PresentationReport report, TrustList trustList, Instant linkExpires, Integer viewsLeft,
            String selfPath, PageText text) {
        StringBuilder html = new StringBuilder(16_384);
        head(html, text, text.get("page.title"));
        html.append("<main id=\"main\">\n<h1>").append(Html.escape(text.get("page.heading"))).append("</h1>\n");
        int genuine = 0;
        for (PresentedCredential credential : report.credentials()) {
            if (credential.report().status() == VerificationStatus.VERIFIED) {
                genuine++;
            }
        }
        html.append("<p class=\"summary\">").append(Html.escape(text.get("page.summary", report.credentials().size(), genuine)))
                .append("</p>\n");
        html.append("<p class=\"checked\">").append(Html.escape(text.get("page.checkedAt", when(report.checkedAt(), text))))
                .append("</p>\n");
        boolean holderSigned = report.holderBinding().outcome() == Outcome.PASSED;
        html.append("<p class=\"holder ").append(holderSigned ? "ok" : "bad").append("\">")
                .append(Html.escape(holderSigned ? text.get("page.holderSigned") : text.get("page.holderNotSigned")))
                .append("</p>\n");
        html.append("<p class=\"link-expiry\">").append(Html.escape(text.get("page.linkExpires", when(linkExpires, text))));
        if (viewsLeft != null) {
            html.append(' ').append(Html.escape(text.get("page.viewsLeft", viewsLeft)));
        }
        html.append("</p>\n");
        for (PresentedCredential credential : report.credentials()) {
            credential(html, credential, report, trustList, text, "");
        }
        html.append("</main>\n<footer><p><a href=\"").append(Html.escape(selfPath)).append("/presentation\">")
                .append(Html.escape(text.get("page.rawPresentation"))).append("</a> · ")
                .append(Html.escape(text.get("page.footer"))).append("</p></footer>\n</body>\n</html>\n");
        return html.toString();
    }

    /** The same for every link that does not work: unknown, expired, revoked or used up. */
    static String notAvailable(PageText text) {
        return message(text, text.get("page.unavailableTitle"), text.get("page.unavailableTitle"), text.get("page.unavailable"));
    }

    /** A link the service's operator took down: said plainly, unlike links that expired or were revoked. */
    static String takenDown(PageText text) {
        return message(text, text.get("page.takenDownTitle"), text.get("page.takenDownTitle"), text.get("page.takenDown"));
    }

    /** What link-preview fetchers get: that something was shared, nothing of what. */
    static String preview(PageText text) {
        return message(text, text.get("page.title"), text.get("page.heading"), text.get("page.previewOnly"));
    }

    /** A page of one heading and one sentence. */
    private static String message(PageText text, String title, String heading, String sentence) {
        StringBuilder html = new StringBuilder(2048);
        head(html, text, title);
        html.append("<main id=\"main\">\n<h1>").append(Html.escape(heading)).append("</h1>\n<p>")
                .append(Html.escape(sentence)).append("</p>\n</main>\n</body>\n</html>\n");
        return html.toString();
    }

    static void head(StringBuilder html, PageText text, String title) {
        String other = text.language().equals("nl") ? "en" : "nl";
        html.append("<!DOCTYPE html>\n<html lang=\"").append(text.language()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/assets/share.css\">\n</head>\n<body>\n")
                .append("<a class=\"skip\" href=\"#main\">").append(Html.escape(text.get("page.skip"))).append("</a>\n")
                .append("<header><p class=\"brand\">Learner Wallet</p><nav aria-label=\"")
                .append(Html.escape(text.get("page.language"))).append("\"><a href=\"?lang=").append(other)
                .append("\" hreflang=\"").append(other).append("\" lang=\"").append(other).append("\">")
                .append(other.equals("en") ? "English" : "Nederlands").append("</a></nav></header>\n");
    }

    /** One credential's section; {@code more} is HTML placed before its checks (the dossier's part). */
    static void credential(StringBuilder html, PresentedCredential credential, PresentationReport presentation,
            TrustList trustList, PageText text, String more) {
        VerificationReport report = credential.report();
        VerificationStatus status = report.status();
        CredentialCard card = credential.card();
        CredentialKind kind = card == null ? CredentialKind.OTHER : card.kind();
        boolean selfDeclared = card != null && card.selfDeclared();
        String id = "credential-" + credential.index();
        html.append("<section class=\"credential kind-").append(kindClass(kind, selfDeclared)).append(" status-")
                .append(statusClass(status))
                .append("\" aria-labelledby=\"").append(id).append("\">\n");
        html.append("<p class=\"kind\">").append(Html.escape(text.get("kind." + kind.name())))
                .append(selfDeclared ? " · " + Html.escape(text.get("kind.selfDeclared")) : "").append("</p>\n");
        html.append("<h2 id=\"").append(id).append("\">")
                .append(Html.escape(card == null || card.title() == null ? text.get("page.untitled") : card.title())).append("</h2>\n");
        html.append("<p class=\"verdict\"><span class=\"mark\" aria-hidden=\"true\">").append(mark(status)).append("</span> ")
                .append(Html.escape(text.get("verdict." + status.name()))).append("</p>\n");
        if (selfDeclared) {
            // Said in words, not only by colour and a mark: nobody but the learner stands behind this.
            html.append("<p class=\"self-declared-note\">").append(Html.escape(text.get("card.selfDeclaredNote")))
                    .append("</p>\n");
        }
        html.append("<dl>\n");
        if (card != null && selfDeclared) {
            selfDeclaredTerms(html, card, text);
        }
        if (card != null && !selfDeclared) {
            String issuer = card.awardingBody() != null ? card.awardingBody() : card.issuerId();
            TrustEntry trusted = trustList.find(card.issuerId());
            term(html, text.get("card.issuer"), issuer + (trusted == null ? " — " + text.get("card.issuerNotTrusted")
                    : " — " + text.get("card.issuerTrusted", trusted.name())));
        }
        if (card != null) {
            // A name, when the credential gives one; a DID says nothing to a reader (the binding line covers it).
            term(html, text.get("card.learner"), card.learner() == null || card.learner().startsWith("did:") ? null : card.learner());
            term(html, text.get("card.binding"), binding(report, presentation, text));
            term(html, text.get("card.programmeCode"), card.programmeCode());
            term(html, text.get("card.level"), card.level().isEmpty() ? null : card.level().toString());
            term(html, text.get("card.studyLoad"), card.studyLoad() == null ? null : card.studyLoad().toString());
            term(html, text.get("card.assessment"), card.assessmentType());
            term(html, text.get("card.participation"), card.participationForm());
            term(html, text.get("card.qualityAssurance"), card.qualityAssurance());
            term(html, text.get("card.supervision"), card.supervisionAndIdentityVerification());
            term(html, text.get("card.grade"), card.grade());
            if (!selfDeclared) {
                term(html, text.get("card.validity"), validity(card, status, text));
            }
        }
        html.append("</dl>\n");
        if (!credential.withheldClaims().isEmpty()) {
            // Selective disclosure: say plainly what the learner chose not to show.
            List<String> names = new ArrayList<>();
            for (String claim : credential.withheldClaims()) {
                names.add(text.getOr("claim." + claim, claim));
            }
            html.append("<p class=\"withheld\"><strong>").append(Html.escape(text.get("card.withheld"))).append("</strong> ")
                    .append(Html.escape(String.join(", ", names))).append("</p>\n");
        }
        if (card != null && card.description() != null) {
            html.append("<p class=\"description\">").append(Html.escape(card.description())).append("</p>\n");
        }
        if (card != null && !card.learningOutcomes().isEmpty()) {
            // Work experience names skills where other credentials name learning outcomes.
            html.append("<h3>").append(Html.escape(text.get(kind == CredentialKind.WORK_EXPERIENCE ? "card.skills"
                    : "card.learningOutcomes"))).append("</h3>\n<ul>\n");
            for (String outcome : card.learningOutcomes()) {
                html.append("<li>").append(Html.escape(outcome)).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        html.append(more);
        html.append("<details><summary>").append(Html.escape(text.get("page.checks"))).append("</summary>\n<ul class=\"checks\">\n");
        for (CheckResult check : report.checks()) {
            html.append("<li class=\"").append(check.outcome().id()).append("\"><span class=\"check\">")
                    .append(Html.escape(text.get("check." + check.check().id()))).append("</span>: ")
                    .append(Html.escape(text.get("outcome." + check.outcome().id()))).append(" — ")
                    .append(Html.escape(text.getOr("reason." + check.reason().name(), check.reason().name())))
                    .append("</li>\n");
        }
        html.append("</ul>\n</details>\n</section>\n");
    }

    /**
     * What the learner declared: the employer and the period of work, or the institution and the
     * day of the diploma, each labelled as the learner's statement rather than an issuer.
     */
    private static void selfDeclaredTerms(StringBuilder html, CredentialCard card, PageText text) {
        boolean work = card.kind() == CredentialKind.WORK_EXPERIENCE;
        term(html, text.get(work ? "card.declaredEmployer" : "card.declaredInstitution"), card.awardingBody());
        if (card.workPeriod() != null) {
            DateTimeFormatter month = DateTimeFormatter.ofPattern("MMMM yyyy", text.locale());
            String from = month.format(card.workPeriod().from());
            term(html, text.get("card.period"), card.workPeriod().to() == null ? text.get("card.periodOngoing", from)
                    : text.get("card.validRange", from, month.format(card.workPeriod().to())));
        }
        if (card.issuedOn() != null) {
            // The day as declared (stored as midnight UTC): shown as a day, never shifted by a time zone.
            term(html, text.get("card.awardedOn"), DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                    .withLocale(text.locale()).withZone(java.time.ZoneOffset.UTC).format(card.issuedOn()));
        }
    }

    private static String binding(VerificationReport report, PresentationReport presentation, PageText text) {
        CheckResult holder = report.check(CheckId.HOLDER_BINDING);
        CheckResult recipient = report.check(CheckId.RECIPIENT);
        StringBuilder out = new StringBuilder();
        out.append(holder != null && holder.outcome() == Outcome.PASSED ? text.get("binding.holderSigned")
                : text.get("binding.holderNotSigned"));
        if (recipient != null && recipient.outcome() == Outcome.PASSED
                && recipient.reason() != nl.learnerwallet.model.verify.Reason.NO_RECIPIENT_NAMED) {
            out.append("; ").append(text.get("binding.recipientMatched"));
            if (!presentation.disclosedIdentities().isEmpty()) {
                out.append(" (").append(String.join(", ", presentation.disclosedIdentities())).append(')');
            }
        } else if (recipient != null && recipient.outcome() == Outcome.FAILED) {
            out.append("; ").append(text.get("binding.recipientNotMatched"));
        }
        return out.toString();
    }

    private static String validity(CredentialCard card, VerificationStatus status, PageText text) {
        if (card.expiresOn() == null && card.validFrom() == null) {
            return text.get("card.noExpiry");
        }
        String from = card.validFrom() == null ? "" : when(card.validFrom(), text);
        String until = card.expiresOn() == null ? text.get("card.noEnd") : when(card.expiresOn(), text);
        String range = text.get("card.validRange", from, until);
        return status == VerificationStatus.EXPIRED ? range + " — " + text.get("card.expiredNote") : range;
    }

    private static void term(StringBuilder html, String name, String value) {
        if (value != null && !value.isEmpty()) {
            html.append("<dt>").append(Html.escape(name)).append("</dt><dd>").append(Html.escape(value)).append("</dd>\n");
        }
    }

    private static String kindClass(CredentialKind kind, boolean selfDeclared) {
        if (selfDeclared) {
            return "self-declared";
        }
        return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static String statusClass(VerificationStatus status) {
        return status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static String mark(VerificationStatus status) {
        switch (status) {
            case VERIFIED: return "✓";
            case UNVERIFIABLE:
            case UNKNOWN_ISSUER:
            case SELF_DECLARED: return "?";
            default: return "✗";
        }
    }

    static String when(Instant instant, PageText text) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(text.locale()).withZone(AMSTERDAM)
                .format(instant);
    }
}
