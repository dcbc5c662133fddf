package nl.learnerwallet.issuer;

import java.util.Locale;
import java.util.Objects;

/**
 * A credential's place in one of its organisation's status lists, and what the list says of it.
 *
 * @param list which list: the Bitstring Status List of VC-JWTs or the Token Status List of SD-JWT VCs
 * @param url where the list is published
 * @param index the credential's entry, chosen at random among the free ones
 * @param state what the entry says now
 */
public record StatusEntry(StatusList list, String url, long index, State state) {

    /** The organisation's two lists. */
    public enum StatusList {
        /** W3C Bitstring Status List v1.0, one bit per credential, purpose revocation: {@code public/…/status/1}. */
        BITSTRING("1"),
        /** IETF Token Status List, two bits per credential (valid, invalid, suspended): {@code public/…/status/token-1}. */
        TOKEN("token-1");

        private final String name;

        StatusList(String name) {
            this.name = name;
        }

        /** The list's name in its URL: {@code BASE/status/NAME}. */
        public String fileName() {
            return name;
        }

        static StatusList forFormat(IssueFormat format) {
            return format == IssueFormat.SD_JWT ? TOKEN : BITSTRING;
        }
    }

    /** What a status list says of a credential. */
    public enum State {
        VALID, REVOKED, SUSPENDED;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static State of(String id) {
            return valueOf(id.toUpperCase(Locale.ROOT));
        }
    }

    public StatusEntry {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(state, "state");
        if (index < 0 || index >= StatusLists.SIZE) {
            throw new IllegalArgumentException("a status index is between 0 and " + (StatusLists.SIZE - 1));
        }
    }

    StatusEntry withState(State value) {
        return new StatusEntry(list, url, index, value);
    }
}
