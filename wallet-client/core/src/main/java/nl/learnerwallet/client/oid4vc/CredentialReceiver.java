package nl.learnerwallet.client.oid4vc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import nl.learnerwallet.client.keys.HolderKey;
import nl.learnerwallet.client.oid4vc.Oid4vcException.Problem;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.json.StrictJson;

/**
 * The wallet's side of OpenID4VCI 1.0: reads an offer and the issuer's metadata
 * ({@link #read}), gets an access token by the grant the offer allows, proves possession of the
 * holder key with a {@code jwt} proof over the issuer's fresh {@code c_nonce}, and collects the
 * credentials — polling the deferred endpoint when the issuer is not ready yet. What it returns is
 * not yet stored: the caller imports each credential like any other, so it is verified and kept
 * with its status.
 */
public final class CredentialReceiver {

    /** The longest the wallet keeps polling a deferred credential before it gives up. */
    public static final Duration DEFAULT_MAX_DEFERRED_WAIT = Duration.ofMinutes(10);
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MAX_INTERVAL = Duration.ofMinutes(1);
    private static final int MAX_CREDENTIALS_PER_RESPONSE = 10;

    /** Where the learner signs in at the issuer: a browser that follows the request and hands back the redirect. */
    public interface AuthorizationBrowser {
        /** The redirect URI to register in the request, e.g. {@code http://127.0.0.1:PORT/callback}. */
        URI redirectUri();

        /**
         * Opens the authorization request for the learner and waits for the issuer's redirect.
         *
         * @return the full redirect URI the browser was sent to
         * @throws Oid4vcException AUTHORIZATION_FAILED when the learner did not finish in time
         */
        URI authorize(URI request, String issuerName);
    }

    /** The c_nonces this wallet has signed proofs over; one seen again is an issuer replaying it. */
    public interface NonceLedger {
        boolean used(String issuer, String nonce);

        void remember(String issuer, String nonce);
    }

    /** What the wallet does between polls of a deferred credential; tests pass one that does not sleep. */
    public interface Waiting {
        void waitFor(Duration interval, String issuerName) throws InterruptedException;
    }

    /** An offer with its issuer's checked metadata: what the learner is shown before anything is asked for. */
    public record Offered(CredentialOffer offer, IssuerMetadata metadata, List<IssuerMetadata.Configuration> configurations) {

        /** True when the learner must type a transaction code they got another way (e-mail, text message). */
        public boolean needsTransactionCode() {
            return offer.preAuthorizedCode() != null && offer.transactionCode() != null;
        }

        /** True when the learner must sign in at the issuer in a browser. */
        public boolean needsBrowser() {
            return offer.preAuthorizedCode() == null;
        }
    }

    /** One credential as the issuer sent it, for the configuration it was asked under. */
    public record Received(IssuerMetadata.Configuration configuration, String credential) {
    }

    private final ProtocolHttp http;
    private final HolderKey holder;
    private final Clock clock;
    private final Locale locale;
    private final NonceLedger nonces;
    private final Waiting waiting;
    private final Duration maxDeferredWait;

    public CredentialReceiver(GuardedFetcher fetcher, HolderKey holder, Clock clock, Locale locale, NonceLedger nonces,
            Waiting waiting, Duration maxDeferredWait) {
        this.http = new ProtocolHttp(fetcher);
        this.holder = holder;
        this.clock = clock;
        this.locale = locale;
        this.nonces = nonces;
        this.waiting = waiting;
        this.maxDeferredWait = maxDeferredWait;
    }

    /**
     * Reads the offer (fetching it when given by reference) and the issuer's metadata.
     *
     * @throws Oid4vcException MALFORMED, UNKNOWN_CONFIGURATION, METADATA_MISMATCH, UNSUPPORTED, ADDRESS_REFUSED, UNREACHABLE
     */
    public Offered read(String offerLink) {
        CredentialOffer offer = CredentialOffer.read(offerLink, http);
        IssuerMetadata metadata = IssuerMetadata.fetch(offer, http, locale);
        List<IssuerMetadata.Configuration> configurations = new ArrayList<>();
        for (String id : offer.configurationIds()) {
            configurations.add(metadata.configuration(id));
        }
        return new Offered(offer, metadata, Collections.unmodifiableList(configurations));
    }

    /**
     * Gets every offered credential.
     *
     * @param transactionCode what the learner typed, when {@link Offered#needsTransactionCode()}
     * @param browser the learner's browser, when {@link Offered#needsBrowser()}; may be null otherwise
     * @throws Oid4vcException TRANSACTION_CODE_REQUIRED, GRANT_REFUSED, AUTHORIZATION_FAILED,
     *     NONCE_REPLAYED, ISSUER_REFUSED, DEFERRED_TIMEOUT, UNREACHABLE, ...
     */
    public List<Received> receive(Offered offered, String transactionCode, AuthorizationBrowser browser) {
        CredentialOffer offer = offered.offer();
        IssuerMetadata metadata = offered.metadata();
        AuthorizationServer server = AuthorizationServer.discover(metadata.authorizationServer(offer), http);
        AuthorizationServer.Token token;
        boolean anonymous = offer.preAuthorizedCode() != null;
        if (anonymous) {
            if (offered.needsTransactionCode() && (transactionCode == null || transactionCode.isEmpty())) {
                throw new Oid4vcException(Problem.TRANSACTION_CODE_REQUIRED,
                        "this offer needs the transaction code the issuer sent you another way");
            }
            token = server.preAuthorized(offer.preAuthorizedCode(), offered.needsTransactionCode() ? transactionCode : null);
        } else {
            if (browser == null) {
                throw new Oid4vcException(Problem.UNSUPPORTED, "this offer needs you to sign in at the issuer in a browser");
            }
            AuthorizationServer.Authorization authorization = server.authorization(browser.redirectUri(),
                    offered.configurations(), offer.issuerState());
            token = authorization.complete(browser.authorize(authorization.request(), metadata.displayName()));
        }
        List<Received> received = new ArrayList<>();
        String cNonce = token.cNonce();
        for (IssuerMetadata.Configuration configuration : offered.configurations()) {
            received.addAll(credential(metadata, configuration, token, anonymous, cNonce));
            cNonce = null; // a nonce is good for one proof; later ones ask the nonce endpoint again
        }
        return received;
    }

    private List<Received> credential(IssuerMetadata metadata, IssuerMetadata.Configuration configuration,
            AuthorizationServer.Token token, boolean anonymous, String tokenNonce) {
        ObjectNode request = StrictJson.mapper().createObjectNode();
        String identifier = token.credentialIdentifiers().get(configuration.id());
        if (identifier != null) {
            request.put("credential_identifier", identifier);
        } else {
            request.put("credential_configuration_id", configuration.id());
        }
        boolean proofNeeded = !configuration.proofAlgorithms().isEmpty();
        String nonce = tokenNonce;
        for (int attempt = 0; ; attempt++) {
            if (proofNeeded) {
                if (nonce == null && metadata.nonceEndpoint() != null) {
                    nonce = freshNonce(metadata);
                }
                request.putObject("proofs").putArray("jwt").add(proof(metadata, configuration, nonce, anonymous));
            }
            ProtocolHttp.JsonAnswer answer = http.postJson(metadata.credentialEndpoint(), request, token.accessToken(),
                    "the issuer's credential endpoint");
            if ("invalid_nonce".equals(answer.error()) && attempt == 0 && metadata.nonceEndpoint() != null) {
                nonce = null; // section 8.3.1.2: get a fresh nonce and try once more
                continue;
            }
            if (answer.status() == 202 || (answer.ok() && answer.body() != null && answer.body().has("transaction_id")
                    && !answer.body().has("credentials"))) {
                return deferred(metadata, configuration, token, answer.body());
            }
            if (!answer.ok()) {
                throw new Oid4vcException(Problem.ISSUER_REFUSED, "the issuer refused to issue " + name(configuration)
                        + " (" + answer.errorDescription() + ")");
            }
            return credentials(configuration, answer.body());
        }
    }

    private String freshNonce(IssuerMetadata metadata) {
        ProtocolHttp.JsonAnswer answer = http.postForm(metadata.nonceEndpoint(), ProtocolHttp.form(), null,
                "the issuer's nonce endpoint");
        String nonce = answer.body() == null ? null : answer.body().path("c_nonce").asText(null);
        if (!answer.ok() || nonce == null || nonce.isEmpty() || nonce.length() > 1024) {
            throw new Oid4vcException(Problem.UNREACHABLE, "the issuer's nonce endpoint gave no usable c_nonce");
        }
        return nonce;
    }

    /**
     * Section 8.2.1.1: {@code typ} {@code openid4vci-proof+jwt}, the holder's DID URL as {@code kid}
     * (or the bare key as {@code jwk} where the issuer binds to keys), {@code aud} the issuer,
     * {@code iat}, the {@code c_nonce}; {@code iss} only for a client that signed in, never with
     * anonymous pre-authorized access.
     */
    private String proof(IssuerMetadata metadata, IssuerMetadata.Configuration configuration, String nonce, boolean anonymous) {
        if (nonce != null) {
            if (nonces.used(metadata.credentialIssuer(), nonce)) {
                throw new Oid4vcException(Problem.NONCE_REPLAYED, "the issuer handed out a c_nonce this wallet has already signed a proof for, "
                        + "so a proof for it could be replayed; nothing was sent");
            }
            nonces.remember(metadata.credentialIssuer(), nonce);
        }
        ObjectNode payload = StrictJson.mapper().createObjectNode();
        if (!anonymous) {
            payload.put("iss", AuthorizationServer.CLIENT_ID);
        }
        payload.put("aud", metadata.credentialIssuer());
        payload.put("iat", clock.instant().getEpochSecond());
        if (nonce != null) {
            payload.put("nonce", nonce);
        }
        String type = "openid4vci-proof+jwt";
        return configuration.bindsToDid() ? holder.signJwt(type, payload.toString())
                : holder.signJwtWithPublicKey(type, payload.toString());
    }

    private List<Received> deferred(IssuerMetadata metadata, IssuerMetadata.Configuration configuration,
            AuthorizationServer.Token token, JsonNode pending) {
        if (metadata.deferredCredentialEndpoint() == null) {
            throw new Oid4vcException(Problem.ISSUER_REFUSED, "the issuer deferred " + name(configuration)
                    + " but has no deferred credential endpoint to ask again");
        }
        String transaction = pending.path("transaction_id").asText("");
        if (transaction.isEmpty() || transaction.length() > 1024) {
            throw new Oid4vcException(Problem.ISSUER_REFUSED, "the issuer deferred " + name(configuration) + " without a usable transaction id");
        }
        Duration waited = Duration.ZERO;
        Duration interval = interval(pending);
        while (true) {
            if (waited.plus(interval).compareTo(maxDeferredWait) > 0) {
                throw new Oid4vcException(Problem.DEFERRED_TIMEOUT, "the issuer has not issued " + name(configuration)
                        + " after " + waited.getSeconds() + " seconds; try the offer again later");
            }
            try {
                waiting.waitFor(interval, metadata.displayName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Oid4vcException(Problem.DEFERRED_TIMEOUT, "stopped waiting for the issuer");
            }
            waited = waited.plus(interval);
            ObjectNode request = StrictJson.mapper().createObjectNode().put("transaction_id", transaction);
            ProtocolHttp.JsonAnswer answer = http.postJson(metadata.deferredCredentialEndpoint(), request, token.accessToken(),
                    "the issuer's deferred credential endpoint");
            // 1.0 answers 202 while pending; drafts answered 400 issuance_pending.
            if (answer.status() == 202 || "issuance_pending".equals(answer.error())) {
                interval = interval(answer.body());
                continue;
            }
            if (!answer.ok()) {
                throw new Oid4vcException(Problem.ISSUER_REFUSED, "the issuer refused the deferred " + name(configuration)
                        + " (" + answer.errorDescription() + ")");
            }
            return credentials(configuration, answer.body());
        }
    }

    private static Duration interval(JsonNode body) {
        long seconds = body == null ? 5 : body.path("interval").asLong(5);
        Duration interval = Duration.ofSeconds(seconds);
        return interval.compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : interval.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : interval;
    }

    private static List<Received> credentials(IssuerMetadata.Configuration configuration, JsonNode body) {
        JsonNode credentials = body == null ? null : body.get("credentials");
        if (credentials == null || !credentials.isArray() || credentials.size() == 0
                || credentials.size() > MAX_CREDENTIALS_PER_RESPONSE) {
            throw new Oid4vcException(Problem.ISSUER_REFUSED, "the issuer's answer carries no credentials");
        }
        List<Received> out = new ArrayList<>();
        for (JsonNode entry : credentials) {
            JsonNode credential = entry.get("credential");
            if (credential == null || !credential.isTextual() || credential.asText().isEmpty()) {
                throw new Oid4vcException(Problem.UNSUPPORTED, "the issuer sent " + name(configuration)
                        + " in a form this wallet does not store (not a compact token)");
            }
            out.add(new Received(configuration, credential.asText()));
        }
        return out;
    }

    private static String name(IssuerMetadata.Configuration configuration) {
        return configuration.name() != null ? "\"" + configuration.name() + "\"" : configuration.id();
    }
}
