package nl.learnerwallet.client.oid4vc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.learnerwallet.client.share.SdJwtPresenter;
import nl.learnerwallet.model.CredentialFormat;

/**
 * What the learner agreed to send, fixed at the moment they were asked: the request it answers
 * (verifier, response address, nonce, state and query, as read then) and, per credential, exactly
 * the claims that go — resolved once, here, so that what is shown is what is sent.
 * {@link VerifierResponder} sends a consent and nothing else: a request read again that asks for
 * more, or for the same from elsewhere, does not match it and gets nothing. Immutable.
 */
public final class Consent {

    /**
     * One credential to send.
     *
     * @param shownClaims for an SD-JWT, the path of every claim whose disclosure goes (what the learner
     *     was shown); for a credential that can only go whole, empty
     */
    public record Item(String queryId, DcqlMatcher.Match match, List<String> shownClaims) {
        public Item {
            shownClaims = Collections.unmodifiableList(new ArrayList<>(shownClaims));
        }
    }

    private final PresentationRequest request;
    private final List<Item> items;

    private Consent(PresentationRequest request, List<Item> items) {
        this.request = request;
        this.items = Collections.unmodifiableList(new ArrayList<>(items));
    }

    /**
     * Resolves what the chosen matches would reveal, before the learner is asked.
     *
     * @throws nl.learnerwallet.client.share.SdJwtPresenter.PresentationException when a chosen claim is not in its credential
     */
    public static Consent of(PresentationRequest request, List<VerifierResponder.Chosen> chosen) {
        List<Item> items = new ArrayList<>();
        for (VerifierResponder.Chosen each : chosen) {
            DcqlMatcher.Match match = each.match();
            List<String> shown = match.candidate().format() == CredentialFormat.SD_JWT_VC
                    ? SdJwtPresenter.disclosedClaims(new String(match.candidate().presentable(), StandardCharsets.UTF_8),
                            match.disclose())
                    : Collections.<String>emptyList();
            items.add(new Item(each.queryId(), match, shown));
        }
        return new Consent(request, items);
    }

    /** The request as it was when the learner agreed. */
    public PresentationRequest request() {
        return request;
    }

    public List<Item> items() {
        return items;
    }

    /**
     * Whether {@code other} is the request agreed to: the same verifier, response address, nonce,
     * state and query. A verifier that changed any of them after consent gets nothing.
     */
    public boolean answers(PresentationRequest other) {
        return other == request || (request.clientId().equals(other.clientId())
                && request.responseUri().equals(other.responseUri()) && request.nonce().equals(other.nonce())
                && String.valueOf(request.state()).equals(String.valueOf(other.state()))
                && request.query().equals(other.query()));
    }
}
