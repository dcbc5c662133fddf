package nl.learnerwallet.client.oid4vc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.learnerwallet.client.keys.HolderKey;
import nl.learnerwallet.client.oid4vc.Oid4vcException.Problem;
import nl.learnerwallet.client.share.Presentations;
import nl.learnerwallet.client.share.SdJwtPresenter;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.sdjwt.SdJwt;
import nl.learnerwallet.model.sdjwt.SdJwtProcessor;
import nl.learnerwallet.model.sdjwt.SdJwtVc;

/**
 * Answers a {@link PresentationRequest} with what the learner chose, and only that (OpenID4VP 1.0
 * section 8): a VP token whose entries are, per credential query, SD-JWT presentations with the
 * chosen disclosures and a key binding to the verifier's {@code client_id} and {@code nonce}, or
 * our holder-signed {@code vp+jwt} enveloping a VC-JWT with the same audience and nonce; sent by
 * {@code direct_post} to the checked response URI. It sends a {@link Consent}: what the learner was
 * shown and agreed to, bound to the request as it was read then.
 */
public final class VerifierResponder {

    /** How long a {@code vp+jwt} answer may be accepted: long enough for a slow verifier, no more. */
    private static final Duration VP_LIFETIME = Duration.ofMinutes(10);

    /** A credential the learner chose for a query. */
    public record Chosen(String queryId, DcqlMatcher.Match match) {
    }

    /** What the verifier answered: where it would like the learner to go next, if anywhere. */
    public record Sent(String redirectUri) {
    }

    private VerifierResponder() {
    }

    /**
     * The VP token (section 8.1): each query id with the presentations that answer it, made from
     * the consent alone. An SD-JWT presentation is read back before it goes: the claims it discloses
     * must be exactly those the learner was shown.
     */
    static ObjectNode vpToken(Consent consent, HolderKey holder, Instant now) {
        PresentationRequest request = consent.request();
        ObjectNode token = StrictJson.mapper().createObjectNode();
        for (Consent.Item each : consent.items()) {
            ArrayNode entries = token.has(each.queryId()) ? (ArrayNode) token.get(each.queryId()) : token.putArray(each.queryId());
            DcqlMatcher.Match match = each.match();
            String credential = new String(match.candidate().presentable(), StandardCharsets.UTF_8);
            if (match.candidate().format() == CredentialFormat.SD_JWT_VC) {
                String presented = SdJwtPresenter.present(credential, match.disclose(), holder, request.clientId(),
                        request.nonce(), now, null);
                requireOnlyShown(presented, each.shownClaims());
                entries.add(presented);
            } else {
                entries.add(Presentations.sign(holder, Collections.singletonList(
                        new Presentations.Enveloped(match.candidate().format(), match.candidate().presentable())),
                        request.clientId(), request.nonce(), now, now.plus(VP_LIFETIME),
                        Collections.<nl.learnerwallet.client.wallet.Identity>emptyList()));
            }
        }
        return token;
    }

    private static void requireOnlyShown(String presented, List<String> shown) {
        Set<String> disclosed = new HashSet<>();
        for (SdJwtProcessor.DisclosedClaim claim : SdJwtVc.parse(SdJwt.parse(presented).withoutKeyBinding()).processed()
                .disclosed()) {
            disclosed.add(claim.path());
        }
        if (!disclosed.equals(new HashSet<>(shown))) {
            throw new IllegalStateException("the presentation would disclose " + disclosed + ", the learner was shown " + shown);
        }
    }

    /**
     * Sends what the learner agreed to, to the address agreed to.
     *
     * @throws Oid4vcException DECLINED (nothing chosen), VERIFIER_REFUSED, ADDRESS_REFUSED, UNREACHABLE
     */
    public static Sent respond(Consent consent, HolderKey holder, Clock clock, GuardedFetcher fetcher) {
        if (consent.items().isEmpty()) {
            throw new Oid4vcException(Problem.DECLINED, "nothing was chosen, so nothing was sent");
        }
        PresentationRequest request = consent.request();
        ObjectNode token = vpToken(consent, holder, clock.instant());
        Map<String, List<String>> form = ProtocolHttp.form();
        form.put("vp_token", Collections.singletonList(token.toString()));
        if (request.state() != null) {
            form.put("state", Collections.singletonList(request.state()));
        }
        ProtocolHttp.JsonAnswer answer = new ProtocolHttp(fetcher).postForm(request.responseUri(), form, null,
                "the verifier's response address");
        if (!answer.ok()) {
            throw new Oid4vcException(Problem.VERIFIER_REFUSED, "the verifier did not accept the answer (" + answer.errorDescription() + ")");
        }
        String redirect = answer.body() == null ? null : answer.body().path("redirect_uri").asText(null);
        return new Sent(redirect);
    }

    /**
     * Answers {@code current} — the request as it stands now, read again, say — with what the
     * learner agreed to, only when it is the request they agreed to answer.
     *
     * @throws Oid4vcException REQUEST_CHANGED, and nothing is sent, when it is not; else as {@link #respond(Consent, HolderKey, Clock, GuardedFetcher)}
     */
    public static Sent respond(PresentationRequest current, Consent consent, HolderKey holder, Clock clock,
            GuardedFetcher fetcher) {
        if (!consent.answers(current)) {
            throw new Oid4vcException(Problem.REQUEST_CHANGED, "the verifier's request is not the one you agreed to answer "
                    + "(it changed since); nothing was sent");
        }
        return respond(consent, holder, clock, fetcher);
    }
}
