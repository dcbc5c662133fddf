package nl.learnerwallet.android;

import android.content.Context;
import java.text.DateFormat;
import java.util.Date;
import java.time.Instant;
import java.util.Locale;
import nl.learnerwallet.client.oid4vc.Oid4vcException;
import nl.learnerwallet.client.share.SdJwtPresenter;
import nl.learnerwallet.client.sync.ServerException;
import nl.learnerwallet.client.wallet.CredentialRefusedException;
import nl.learnerwallet.client.wallet.WalletException;
import nl.learnerwallet.model.card.CredentialKind;
import nl.learnerwallet.model.card.EuStandardElement;
import nl.learnerwallet.model.card.QualificationLevel;
import nl.learnerwallet.model.fetch.FetchException;
import nl.learnerwallet.model.json.UntrustedInputException;
import nl.learnerwallet.model.verify.CheckResult;
import nl.learnerwallet.model.verify.Outcome;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.VerificationReport;
import nl.learnerwallet.model.verify.VerificationStatus;

/**
 * The core's words on screen, in the phone's language: kinds, statuses, checks and their reasons,
 * the EU elements, and one sentence for anything that went wrong. The string resources are named
 * after the core's enum constants ({@code status_VERIFIED}); a constant without one shows as itself
 * rather than failing.
 */
final class Texts {

    private Texts() {
    }

    static String kind(Context context, CredentialKind kind) {
        return named(context, "kind_" + kind.name(), kind.name());
    }

    static String status(Context context, VerificationStatus status) {
        return named(context, "status_" + status.name(), status.name());
    }

    static String reason(Context context, Reason reason) {
        return named(context, "reason_" + reason.name(), reason.name());
    }

    static String outcome(Context context, Outcome outcome) {
        return named(context, "outcome_" + outcome.name(), outcome.name());
    }

    static String check(Context context, CheckResult check) {
        return named(context, "check_" + check.check().name(), check.check().name());
    }

    static String euElement(Context context, EuStandardElement element) {
        return named(context, "eu_" + element.name(), element.id());
    }

    static String level(QualificationLevel level) {
        StringBuilder text = new StringBuilder();
        if (level.eqf() != null) {
            text.append("EQF ").append(level.eqf());
        }
        if (level.nlqf() != null) {
            text.append(text.length() > 0 ? " · " : "").append("NLQF ").append(level.nlqf());
        }
        if (level.qfEhea() != null) {
            text.append(text.length() > 0 ? " · " : "").append("QF-EHEA ").append(level.qfEhea());
        }
        return text.toString();
    }

    static String date(Context context, Instant instant) {
        return DateFormat.getDateInstance(DateFormat.MEDIUM, locale(context)).format(new Date(instant.toEpochMilli()));
    }

    static String dateTime(Context context, Instant instant) {
        return DateFormat.getDateTimeInstance(DateFormat.MEDIUM, DateFormat.SHORT, locale(context))
                .format(new Date(instant.toEpochMilli()));
    }

    /** The colour that goes with a status: green genuine, red refused or revoked, amber in doubt. */
    static int statusColor(Context context, VerificationStatus status) {
        switch (status) {
            case VERIFIED:
                return context.getColor(R.color.status_good);
            case MALFORMED:
            case TAMPERED:
            case REVOKED:
            case EXPIRED:
            case NOT_RECIPIENT:
                return context.getColor(R.color.status_bad);
            case SELF_DECLARED:
                return context.getColor(R.color.status_neutral);
            default:
                return context.getColor(R.color.status_unsure);
        }
    }

    static int kindColor(Context context, CredentialKind kind) {
        switch (kind) {
            case MICROCREDENTIAL:
                return context.getColor(R.color.kind_microcredential);
            case REGULAR_BADGE:
                return context.getColor(R.color.kind_badge);
            case EXTRACURRICULAR_BADGE:
                return context.getColor(R.color.kind_extracurricular);
            case DIPLOMA:
                return context.getColor(R.color.kind_diploma);
            case WORK_EXPERIENCE:
                return context.getColor(R.color.kind_work);
            default:
                return context.getColor(R.color.kind_other);
        }
    }

    /** A share's state, views and end: "Active · opened 2 times · works until 30 Nov 2026". */
    static String shareState(Context context, String state, int views, Instant expiresAt) {
        return context.getString(R.string.share_state, named(context, "share_" + state, state),
                context.getResources().getQuantityString(R.plurals.views, views, views), date(context, expiresAt));
    }

    /** How a share was opened: viewed, a link preview, or only checked (HEAD). */
    static String viewKind(Context context, String kind) {
        return named(context, "share_kind_" + kind, kind);
    }

    /** The first check that did not pass, said in words; null when all passed. */
    static String firstProblem(Context context, VerificationReport report) {
        for (CheckResult check : report.checks()) {
            if (check.outcome() != Outcome.PASSED) {
                return check(context, check) + ": " + reason(context, check.reason());
            }
        }
        return null;
    }

    /** One sentence for the learner saying what went wrong; never a stack trace. */
    static String problem(Context context, Throwable problem) {
        if (problem instanceof CredentialRefusedException) {
            CredentialRefusedException refused = (CredentialRefusedException) problem;
            boolean tampered = refused.report() != null && refused.report().status() == VerificationStatus.TAMPERED;
            String why = refused.report() == null ? null : firstProblem(context, refused.report());
            String sentence = context.getString(tampered ? R.string.problem_tampered : R.string.problem_malformed);
            return why == null ? sentence : sentence + " (" + why + ")";
        }
        if (problem instanceof WalletException) {
            return named(context, "wallet_" + ((WalletException) problem).problem().name(), sentence(problem));
        }
        if (problem instanceof ServerException) {
            return named(context, "server_" + ((ServerException) problem).problem().name(), sentence(problem));
        }
        if (problem instanceof Oid4vcException) {
            return context.getString(R.string.problem_offer,
                    named(context, "oid4vc_" + ((Oid4vcException) problem).problem().name(), sentence(problem)));
        }
        if (problem instanceof java.io.IOException || problem instanceof SecurityException) {
            return context.getString(R.string.problem_unreadable);
        }
        if (problem instanceof FetchException) {
            return context.getString(R.string.problem_fetch,
                    named(context, "fetch_" + ((FetchException) problem).problem().name(), sentence(problem)));
        }
        if (problem instanceof UntrustedInputException) {
            return context.getString(R.string.problem_input,
                    named(context, "input_" + ((UntrustedInputException) problem).problem().name(), sentence(problem)));
        }
        if (problem instanceof SdJwtPresenter.PresentationException || problem instanceof IllegalArgumentException
                || problem instanceof nl.learnerwallet.model.LearnerWalletException) {
            return sentence(problem);
        }
        return context.getString(R.string.problem_unexpected, problem.getClass().getSimpleName());
    }

    /** The core's message as a sentence: capitalised, with a full stop. */
    private static String sentence(Throwable problem) {
        String message = problem.getMessage() == null ? problem.getClass().getSimpleName() : problem.getMessage().trim();
        if (message.isEmpty()) {
            return problem.getClass().getSimpleName();
        }
        String capitalised = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return capitalised.endsWith(".") ? capitalised : capitalised + ".";
    }

    private static String named(Context context, String name, String fallback) {
        int id = context.getResources().getIdentifier(name, "string", context.getPackageName());
        return id == 0 ? fallback : context.getString(id);
    }

    private static Locale locale(Context context) {
        return context.getResources().getConfiguration().getLocales().get(0);
    }
}
