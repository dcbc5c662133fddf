package nl.learnerwallet.model.json;

/** Why untrusted input was refused before it was understood. Tests assert on these, never on messages. */
public enum InputProblem {
    TOO_LARGE,
    TOO_DEEP,
    DUPLICATE_KEY,
    NOT_JSON,
    NOT_TEXT,
    UNKNOWN_FORMAT,
    MALFORMED_TOKEN,
    // baked badge images (PNG and SVG)
    /** The input ends before its structure does (a PNG chunk or the PNG's IEND, a zlib stream). */
    TRUNCATED,
    /** A PNG chunk's CRC does not match its contents. */
    BAD_CHECKSUM,
    /** A PNG chunk claims more bytes than any badge image may have. */
    CHUNK_TOO_LARGE,
    /** Bytes follow the PNG's end chunk (IEND), where another reader might find another badge. */
    DATA_AFTER_END,
    /** The image carries more than one badge: which one counts would be a guess. */
    TWO_BADGES,
    /** The badge is stored compressed, which we do not inflate (decompression bombs). */
    COMPRESSED_BADGE,
    /** An image without a baked badge. */
    NO_BADGE,
    /** XML with a DOCTYPE (and so entities or an external DTD) is refused. */
    DTD_NOT_ALLOWED,
    /** The SVG is not well-formed XML. */
    NOT_XML,
    // fields of our own documents (self-declared entries)
    /** A field that must be there is missing, null or empty. */
    MISSING_FIELD,
    /** A field has the wrong JSON type (a number where text belongs, an object where a list does). */
    WRONG_TYPE,
    /** A field this document does not have. */
    UNKNOWN_FIELD,
    /** A text or list is longer than the field allows. */
    FIELD_TOO_LONG,
    /** A field's value has the wrong form: a date that is not one, a code, a level, control characters. */
    BAD_VALUE,
    /** A date that lies after the day it was declared: what has not happened cannot be declared. */
    DATE_IN_FUTURE,
    /** A period that ends before it starts. */
    PERIOD_ENDS_BEFORE_START
}
