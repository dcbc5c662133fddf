package nl.learnerwallet.model.json;

/** Why untrusted input was refused before it was understood. Tests assert on these, never on messages. */
public enum InputProblem {
    TOO_LARGE,
    TOO_DEEP,
    DUPLICATE_KEY,
    NOT_JSON,
    NOT_TEXT,
    UNKNOWN_FORMAT,
    MALFORMED_TOKEN
}
