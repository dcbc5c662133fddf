package nl.learnerwallet.client.oid4vc;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.learnerwallet.client.oid4vc.Oid4vcException.Problem;
import nl.learnerwallet.model.LearnerWalletException;
import nl.learnerwallet.model.fetch.FetchException;
import nl.learnerwallet.model.fetch.FetchedDocument;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.jose.CompactJws;
import nl.learnerwallet.model.jose.IssuerKey;
import nl.learnerwallet.model.jose.IssuerKeyException;
import nl.learnerwallet.model.jose.IssuerKeyResolver;
import nl.learnerwallet.model.jose.VcJwtVerifier;
import nl.learnerwallet.model.verify.CheckResult;

/**
 * A verifier's OpenID4VP 1.0 authorization request, read and checked before the learner sees it:
 * by value or by reference ({@code request_uri}), a signed request object verified against the
 * key its client identifier names, the client identifier the same inside and outside, only the
 * {@code direct_post} answer, and its {@code response_uri} checked against the guarded fetcher
 * now, so that a request the wallet would not answer is refused before the learner is asked.
 *
 * <p>Client identifier prefixes (section 5.9): {@code decentralized_identifier:} (a signed request,
 * the key from the DID: did:jwk, did:key, did:web) and {@code redirect_uri:} (unsigned; the answer
 * can only go to that URI). Prefixes that rest on X.509 certificates or federation need trust
 * anchors this wallet does not have yet and are refused by name.
 */
public final class PresentationRequest {

    static final String DID_PREFIX = "decentralized_identifier:";
    static final String REDIRECT_URI_PREFIX = "redirect_uri:";
    private static final int MAX_REQUEST_OBJECT = 256 * 1024;
    private static final int MAX_NONCE = 1024;

    private final String clientId;
    private final String verifier;
    private final boolean signed;
    private final String responseUri;
    private final String nonce;
    private final String state;
    private final DcqlQuery query;

    private PresentationRequest(String clientId, String verifier, boolean signed, String responseUri, String nonce,
            String state, DcqlQuery query) {
        this.clientId = clientId;
        this.verifier = verifier;
        this.signed = signed;
        this.responseUri = responseUri;
        this.nonce = nonce;
        this.state = state;
        this.query = query;
    }

    /**
     * @param keys how a DID's keys are found (the wallet's issuer-key resolvers serve verifiers' DIDs too)
     * @throws Oid4vcException MALFORMED, BAD_REQUEST_SIGNATURE, CLIENT_ID_MISMATCH, EXPIRED,
     *     UNSUPPORTED, ADDRESS_REFUSED, UNREACHABLE
     */
    public static PresentationRequest read(String link, GuardedFetcher fetcher, IssuerKeyResolver keys, Clock clock) {
        String trimmed = link == null ? "" : link.trim();
        if (trimmed.length() > CredentialOffer.MAX_LENGTH * 4) {
            throw new Oid4vcException(Problem.MALFORMED, "the presentation request is longer than 64 KiB");
        }
        ProtocolHttp http = new ProtocolHttp(fetcher);
        Map<String, List<String>> outer = QueryParameters.of(trimmed, "a presentation request", "openid4vp:",
                "eudi-openid4vp:", "haip-vp:", "https:", "http:");
        String clientId = QueryParameters.single(outer, "client_id", "the presentation request");
        if (clientId == null) {
            throw new Oid4vcException(Problem.MALFORMED, "the presentation request does not say who asks (no client_id)");
        }
        if (!clientId.startsWith(DID_PREFIX) && !clientId.startsWith(REDIRECT_URI_PREFIX)) {
            throw unsupportedPrefix(clientId); // before anything is fetched for a verifier this wallet cannot check
        }
        String requestUri = QueryParameters.single(outer, "request_uri", "the presentation request");
        String requestObject = QueryParameters.single(outer, "request", "the presentation request");
        if (requestUri != null && requestObject != null) {
            throw new Oid4vcException(Problem.MALFORMED, "the presentation request carries both request and request_uri");
        }
        if (requestUri != null) {
            String method = QueryParameters.single(outer, "request_uri_method", "the presentation request");
            if (method != null && !"get".equals(method) && !"post".equals(method)) {
                throw new Oid4vcException(Problem.MALFORMED, "request_uri_method must be get or post");
            }
            requestObject = fetchRequestObject(http, requestUri, "post".equals(method));
        }
        if (requestObject == null) {
            return fromParameters(clientId, false, new Parameters(outer), http, clock);
        }
        return fromRequestObject(clientId, requestObject, keys, http, clock);
    }

    private static String fetchRequestObject(ProtocolHttp http, String requestUri, boolean post) {
        http.checkedUrl(requestUri, "the verifier's request address");
        byte[] body;
        if (post) {
            // Section 5.10: the wallet may POST; it sends no wallet metadata, so the verifier tailors nothing.
            GuardedFetcher.Answer answer;
            try {
                answer = http.fetcher().post(requestUri, ProtocolHttp.FORM, new byte[0], "application/oauth-authz-req+jwt");
            } catch (FetchException e) {
                throw ProtocolHttp.translate(e, "the verifier's request address");
            }
            if (answer.status() != 200) {
                throw new Oid4vcException(Problem.UNREACHABLE, "the verifier's request address answered HTTP " + answer.status());
            }
            body = answer.body();
        } else {
            FetchedDocument document = http.get(requestUri, "application/oauth-authz-req+jwt", "the verifier's request address");
            body = document.body();
        }
        if (body.length > MAX_REQUEST_OBJECT) {
            throw new Oid4vcException(Problem.MALFORMED, "the verifier's request object is larger than 256 KiB");
        }
        return new String(body, StandardCharsets.UTF_8).trim();
    }

    private static PresentationRequest fromRequestObject(String clientId, String token, IssuerKeyResolver keys,
            ProtocolHttp http, Clock clock) {
        CompactJws jws;
        try {
            jws = CompactJws.parse(token, MAX_REQUEST_OBJECT);
        } catch (LearnerWalletException e) {
            throw new Oid4vcException(Problem.MALFORMED, "the verifier's request object is not a signed JWT: " + e.getMessage(), e);
        }
        if (!jws.hasType("oauth-authz-req+jwt")) {
            throw new Oid4vcException(Problem.MALFORMED, "the verifier's request object is not typed oauth-authz-req+jwt");
        }
        JsonNode payload = jws.payload();
        String inner = payload.path("client_id").asText(null);
        if (!clientId.equals(inner)) {
            throw new Oid4vcException(Problem.CLIENT_ID_MISMATCH, "the signed request names another verifier ("
                    + (inner == null ? "none" : inner) + ") than the link (" + clientId + "); nothing was sent");
        }
        if (!clientId.startsWith(DID_PREFIX)) {
            throw unsupportedPrefix(clientId);
        }
        String did = clientId.substring(DID_PREFIX.length());
        CheckResult headerProblem = VcJwtVerifier.headerProblem(jws.header());
        if (headerProblem != null) {
            throw new Oid4vcException(Problem.BAD_REQUEST_SIGNATURE, "the verifier's request is signed in a way this wallet does not accept");
        }
        String kid = jws.header().path("kid").asText("");
        if (!kid.startsWith(did + "#") && !kid.equals(did)) {
            throw new Oid4vcException(Problem.BAD_REQUEST_SIGNATURE, "the verifier's request is signed with a key that is not its DID's");
        }
        try {
            IssuerKey key = VcJwtVerifier.selectKey(keys, did, jws.jwsHeader());
            if (!jws.signedBy(key)) {
                throw new Oid4vcException(Problem.BAD_REQUEST_SIGNATURE,
                        "the verifier's request does not carry a valid signature of " + did + "; nothing was sent");
            }
        } catch (IssuerKeyException e) {
            throw new Oid4vcException(Problem.BAD_REQUEST_SIGNATURE, "the key of the verifier's DID cannot be used: " + e.getMessage(), e);
        } catch (LearnerWalletException e) {
            throw new Oid4vcException(Problem.BAD_REQUEST_SIGNATURE, "the verifier's request signature cannot be checked: " + e.getMessage(), e);
        }
        Instant expires = CompactJws.numericDate(payload, "exp");
        if (expires != null && !clock.instant().isBefore(expires)) {
            throw new Oid4vcException(Problem.EXPIRED, "the verifier's request has expired; ask for a new one");
        }
        return fromParameters(clientId, true, new Parameters(payload), http, clock);
    }

    private static Oid4vcException unsupportedPrefix(String clientId) {
        int colon = clientId.indexOf(':');
        String prefix = colon < 0 ? "a pre-registered client" : clientId.substring(0, colon + 1);
        return new Oid4vcException(Problem.UNSUPPORTED, "the verifier identifies itself as " + prefix
                + ", which this wallet cannot check yet (it accepts decentralized_identifier: and redirect_uri:)");
    }

    private static PresentationRequest fromParameters(String clientId, boolean signed, Parameters parameters,
            ProtocolHttp http, Clock clock) {
        if (!signed && !clientId.startsWith(REDIRECT_URI_PREFIX)) {
            if (clientId.startsWith(DID_PREFIX)) {
                throw new Oid4vcException(Problem.BAD_REQUEST_SIGNATURE,
                        "a verifier that names itself by a DID must sign its request, and this one did not");
            }
            throw unsupportedPrefix(clientId);
        }
        if (!"vp_token".equals(parameters.text("response_type"))) {
            throw new Oid4vcException(Problem.UNSUPPORTED, "the verifier asks for a response_type other than vp_token");
        }
        String mode = parameters.text("response_mode");
        if (!"direct_post".equals(mode)) {
            throw new Oid4vcException(Problem.UNSUPPORTED, "the verifier wants the answer "
                    + (mode == null ? "in the redirect" : "as " + mode) + "; this wallet answers only by direct_post");
        }
        if (parameters.present("presentation_definition") || parameters.present("scope")) {
            throw new Oid4vcException(Problem.UNSUPPORTED, "the verifier asks with Presentation Exchange or a scope; this wallet reads DCQL queries");
        }
        if (parameters.present("transaction_data")) {
            throw new Oid4vcException(Problem.UNSUPPORTED, "the verifier asks to sign transaction data, which this wallet does not do");
        }
        String responseUri = parameters.text("response_uri");
        if (responseUri == null || parameters.present("redirect_uri")) {
            throw new Oid4vcException(Problem.MALFORMED, "a direct_post request needs a response_uri and no redirect_uri");
        }
        http.checkedUrl(responseUri, "the verifier's response address");
        if (clientId.startsWith(REDIRECT_URI_PREFIX) && !clientId.substring(REDIRECT_URI_PREFIX.length()).equals(responseUri)) {
            throw new Oid4vcException(Problem.CLIENT_ID_MISMATCH,
                    "the verifier's response address is not the one its client_id names; nothing was sent");
        }
        try {
            http.fetcher().checkAddress(responseUri);
        } catch (FetchException e) {
            throw ProtocolHttp.translate(e, "the verifier's response address");
        }
        String nonce = parameters.text("nonce");
        if (nonce == null || nonce.length() > MAX_NONCE) {
            throw new Oid4vcException(Problem.MALFORMED, "the verifier's request has no usable nonce");
        }
        String state = parameters.text("state");
        if (state != null && state.length() > MAX_NONCE) {
            throw new Oid4vcException(Problem.MALFORMED, "the verifier's state is longer than 1024 characters");
        }
        DcqlQuery query = DcqlQuery.parse(parameters.json("dcql_query"));
        String verifier = clientId.startsWith(DID_PREFIX) ? clientId.substring(DID_PREFIX.length())
                : clientId.substring(REDIRECT_URI_PREFIX.length());
        return new PresentationRequest(clientId, verifier, signed, responseUri, nonce, state, query);
    }

    /** Request parameters from a signed request object (JSON values) or from a link (strings, JSON as text). */
    private static final class Parameters {
        private final JsonNode object;
        private final Map<String, List<String>> query;

        Parameters(JsonNode object) {
            this.object = object;
            this.query = null;
        }

        Parameters(Map<String, List<String>> query) {
            this.object = null;
            this.query = query;
        }

        boolean present(String name) {
            return object != null ? object.has(name) : query.containsKey(name);
        }

        String text(String name) {
            if (object != null) {
                JsonNode value = object.get(name);
                if (value != null && !value.isTextual()) {
                    throw new Oid4vcException(Problem.MALFORMED, "the verifier's " + name + " must be a string");
                }
                return value == null || value.asText().isEmpty() ? null : value.asText();
            }
            return QueryParameters.single(query, name, "the presentation request");
        }

        JsonNode json(String name) {
            if (object != null) {
                return object.get(name);
            }
            String text = text(name);
            if (text == null) {
                throw new Oid4vcException(Problem.MALFORMED, "the verifier's request has no " + name);
            }
            return ProtocolHttp.parse(text.getBytes(StandardCharsets.UTF_8), "the verifier's " + name);
        }
    }

    /** The client identifier as sent, prefix included: the audience of everything the wallet answers. */
    public String clientId() {
        return clientId;
    }

    /** Who asks, without the prefix: a DID or the response URI. */
    public String verifier() {
        return verifier;
    }

    /** True when the verifier proved who it is by signing the request with its DID's key. */
    public boolean verifierAuthenticated() {
        return signed;
    }

    public String responseUri() {
        return responseUri;
    }

    public String nonce() {
        return nonce;
    }

    public String state() {
        return state;
    }

    public DcqlQuery query() {
        return query;
    }
}
