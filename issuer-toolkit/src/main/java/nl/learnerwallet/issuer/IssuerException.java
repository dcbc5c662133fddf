package nl.learnerwallet.issuer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import nl.learnerwallet.model.LearnerWalletException;

/**
 * Why the toolkit refused to do what it was asked: {@link #problem()} says which way (programs and
 * tests assert on it), {@link #arguments()} holds what the sentence names (a file, a value, the
 * missing EU standard elements), and the message is one English sentence. Nothing is written when
 * this is thrown.
 */
public final class IssuerException extends LearnerWalletException {
    private static final long serialVersionUID = 1L;

    /** What was wrong; the arguments each problem carries are named in brackets. */
    public enum Problem {
        /** An organisation already exists in that folder [folder]. */
        ORGANISATION_EXISTS,
        /** There is no organisation in that folder [folder]. */
        NO_ORGANISATION,
        /** The organisation's files cannot be read [file]. */
        ORGANISATION_DAMAGED,
        /** A setting of the organisation is not acceptable [setting: name, country, did, url, status-base]. */
        BAD_SETTING,
        /**
         * A field of the credential is missing or not acceptable [field: title, eqf, nlqf, study-load,
         * programme-code, learner-name, outcome, kind, format, ...].
         */
        BAD_FIELD,
        /** A text field is longer than {@link IssueRequest#MAX_TEXT} characters [field]. */
        FIELD_TOO_LONG,
        /** An issue file (JSON) names an unknown key or gives a value of the wrong type [key]. */
        BAD_ISSUE_FILE,
        /** The recipient is neither a DID nor an e-mail address [value]. */
        BAD_RECIPIENT,
        /** An SD-JWT VC is bound to the holder's key: the recipient must be a did:jwk [value]. */
        HOLDER_KEY_NEEDED,
        /** A date is not a date in the form YYYY-MM-DD [field, value]. */
        BAD_DATE,
        /** The date of issue is in the future [date]. */
        FUTURE_DATE,
        /** The validity ends before the date of issue [valid-until, date]. */
        BAD_VALIDITY,
        /** A microcredential lacks mandatory EU standard elements [element ids, e.g. learning-outcomes]. */
        INCOMPLETE_MICROCREDENTIAL,
        /** A status entry was asked for, but the organisation has no URL to publish status lists at []. */
        NO_STATUS_URL,
        /** Every entry of the status list is in use [list file]. */
        STATUS_LIST_FULL,
        /** No credential with that id was issued by this organisation [id]. */
        UNKNOWN_CREDENTIAL,
        /** The credential was issued without a status entry [id]. */
        NOT_REVOCABLE,
        /** The credential's status entry is a Bitstring Status List revocation entry, which cannot suspend [id]. */
        CANNOT_SUSPEND,
        /** The attestation request is not one [shared-model reason]. */
        NOT_AN_ATTESTATION_REQUEST,
        /** The attestation request's signature does not hold: altered after the learner made it, or forged [reason]. */
        ATTESTATION_REQUEST_ALTERED,
        /** The attestation request is signed, but what it declares is not valid [reason]. */
        BAD_ATTESTATION_REQUEST,
        /**
         * What was fetched as an exemption dossier is not one: no holder-signed presentation, or none
         * carrying an exemption request [what: presentation, signature, request, json].
         */
        NOT_A_DOSSIER,
        /** The dossier's page names another presentation hash than the presentation it serves [page hash, computed hash]. */
        DOSSIER_MISMATCH,
        /** The input is not an Open Badge that can be baked (an SD-JWT VC, say) [format]. */
        NOT_BAKEABLE,
        /** The image to bake into is not a PNG or SVG this toolkit can read [an InputProblem name: TRUNCATED, NOT_XML, ...]. */
        BAD_IMAGE,
        /** The image to bake into carries a badge already []. */
        ALREADY_BAKED,
        /** A file to read is not there or cannot be read [file]. */
        UNREADABLE,
        /** An output file exists already; nothing is overwritten [file]. */
        FILE_EXISTS,
        /** A file could not be written [file]. */
        UNWRITABLE,
        /** The file server could not listen on the port [port]. */
        PORT_UNAVAILABLE
    }

    private final Problem problem;
    private final List<String> arguments;

    IssuerException(Problem problem, String message, String... arguments) {
        this(problem, message, null, arguments);
    }

    IssuerException(Problem problem, String message, Throwable cause, String... arguments) {
        super(message, cause);
        this.problem = problem;
        this.arguments = Collections.unmodifiableList(new ArrayList<>(Arrays.asList(arguments)));
    }

    public Problem problem() {
        return problem;
    }

    /** What the sentence names, for a client to word it in its own language. */
    public List<String> arguments() {
        return arguments;
    }
}
