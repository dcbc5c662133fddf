package nl.learnerwallet.client.oid4vc;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import nl.learnerwallet.client.oid4vc.Oid4vcException.Problem;

/**
 * An OpenID4VCI 1.0 credential offer (section 4.1): which issuer, which of its credential
 * configurations, and how to get the access token — a pre-authorized code (perhaps with a
 * transaction code the learner got another way) or the authorization code flow.
 *
 * @param credentialIssuer the issuer identifier, an https URL; its metadata must name exactly this
 * @param configurationIds the offered credential configurations, in the issuer's order
 * @param preAuthorizedCode the pre-authorized code, or null when the offer has no such grant
 * @param transactionCode what the learner must type with the pre-authorized code, or null
 * @param authorizationCode true when the offer allows the authorization code flow (also when it
 *     names no grant at all: then the wallet must use the issuer's authorization server's flow)
 * @param issuerState the {@code issuer_state} to send back in the authorization request, or null
 * @param authorizationServer the authorization server the offer names for its grant, or null
 */
public record CredentialOffer(String credentialIssuer, List<String> configurationIds, String preAuthorizedCode,
        TransactionCode transactionCode, boolean authorizationCode, String issuerState, String authorizationServer) {

    /** The longest offer link or offer JSON read; real offers are a few hundred bytes. */
    static final int MAX_LENGTH = 16 * 1024;
    static final int MAX_CONFIGURATIONS = 20;
    static final String PRE_AUTHORIZED_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

    /**
     * What the offer says of the transaction code (section 4.1.1): how it is typed, how long it
     * is, and the issuer's hint where to find it.
     */
    public record TransactionCode(boolean numeric, int length, String description) {
    }

    public CredentialOffer {
        configurationIds = Collections.unmodifiableList(new ArrayList<>(configurationIds));
    }

    /**
     * Reads an offer link: {@code openid-credential-offer://?credential_offer=...} (by value) or
     * {@code ...?credential_offer_uri=...} (by reference, fetched through the guarded fetcher),
     * also as an https link or the HAIP scheme {@code haip-vci://}.
     *
     * @throws Oid4vcException MALFORMED, UNSUPPORTED (not https), ADDRESS_REFUSED, UNREACHABLE
     */
    static CredentialOffer read(String link, ProtocolHttp http) {
        String trimmed = link == null ? "" : link.trim();
        if (trimmed.length() > MAX_LENGTH) {
            throw new Oid4vcException(Problem.MALFORMED, "the credential offer is longer than 16 KiB");
        }
        Map<String, List<String>> parameters = QueryParameters.of(trimmed, "a credential offer",
                "openid-credential-offer:", "haip-vci:", "https:", "http:");
        String byValue = QueryParameters.single(parameters, "credential_offer", "the credential offer");
        String byReference = QueryParameters.single(parameters, "credential_offer_uri", "the credential offer");
        if ((byValue == null) == (byReference == null)) {
            throw new Oid4vcException(Problem.MALFORMED,
                    "a credential offer link carries exactly one of credential_offer and credential_offer_uri");
        }
        JsonNode offer;
        if (byValue != null) {
            if (byValue.length() > MAX_LENGTH) {
                throw new Oid4vcException(Problem.MALFORMED, "the credential offer is longer than 16 KiB");
            }
            offer = ProtocolHttp.parse(byValue.getBytes(StandardCharsets.UTF_8), "the credential offer");
        } else {
            http.checkedUrl(byReference, "the credential offer's address");
            offer = http.getJson(byReference, "the credential offer's address");
        }
        return fromJson(offer, http);
    }

    static CredentialOffer fromJson(JsonNode offer, ProtocolHttp http) {
        String issuer = text(offer, "credential_issuer", true);
        // Section 12.2.1: an https URL without query or fragment, from which the well-known address is made.
        if (http.checkedUrl(issuer, "the offer's credential issuer").getRawQuery() != null) {
            throw new Oid4vcException(Problem.MALFORMED, "the offer's credential issuer has a query, which an issuer identifier may not");
        }
        JsonNode ids = offer.get("credential_configuration_ids");
        if (ids == null || !ids.isArray() || ids.size() == 0 || ids.size() > MAX_CONFIGURATIONS) {
            throw new Oid4vcException(Problem.MALFORMED,
                    "the credential offer must name between 1 and " + MAX_CONFIGURATIONS + " credential configurations");
        }
        List<String> configurations = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.isTextual() || id.asText().isEmpty() || id.asText().length() > 256 || configurations.contains(id.asText())) {
                throw new Oid4vcException(Problem.MALFORMED, "the credential offer's configuration ids must be distinct, non-empty strings");
            }
            configurations.add(id.asText());
        }
        JsonNode grants = offer.get("grants");
        if (grants != null && !grants.isObject()) {
            throw new Oid4vcException(Problem.MALFORMED, "the credential offer's grants must be a JSON object");
        }
        JsonNode preAuthorized = grants == null ? null : grants.get(PRE_AUTHORIZED_GRANT);
        JsonNode authorization = grants == null ? null : grants.get("authorization_code");
        String code = null;
        TransactionCode transactionCode = null;
        String authorizationServer = null;
        if (preAuthorized != null) {
            if (!preAuthorized.isObject()) {
                throw new Oid4vcException(Problem.MALFORMED, "the offer's pre-authorized code grant must be a JSON object");
            }
            code = text(preAuthorized, "pre-authorized_code", true);
            transactionCode = transactionCode(preAuthorized.get("tx_code"));
            authorizationServer = text(preAuthorized, "authorization_server", false);
        }
        String issuerState = null;
        if (authorization != null) {
            if (!authorization.isObject()) {
                throw new Oid4vcException(Problem.MALFORMED, "the offer's authorization code grant must be a JSON object");
            }
            issuerState = text(authorization, "issuer_state", false);
            if (authorizationServer == null) {
                authorizationServer = text(authorization, "authorization_server", false);
            }
        }
        boolean authorizationCodeFlow = authorization != null || preAuthorized == null;
        return new CredentialOffer(issuer, configurations, code, transactionCode, authorizationCodeFlow, issuerState,
                authorizationServer);
    }

    private static TransactionCode transactionCode(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            throw new Oid4vcException(Problem.MALFORMED, "the offer's tx_code must be a JSON object");
        }
        String mode = text(node, "input_mode", false);
        if (mode != null && !"numeric".equals(mode) && !"text".equals(mode)) {
            throw new Oid4vcException(Problem.MALFORMED, "the offer's tx_code input_mode must be numeric or text");
        }
        JsonNode length = node.get("length");
        if (length != null && (!length.canConvertToInt() || !length.isIntegralNumber() || length.asInt() < 1 || length.asInt() > 64)) {
            throw new Oid4vcException(Problem.MALFORMED, "the offer's tx_code length must be a number from 1 to 64");
        }
        String description = text(node, "description", false);
        if (description != null && description.length() > 300) {
            description = description.substring(0, 300);
        }
        return new TransactionCode(!"text".equals(mode), length == null ? 0 : length.asInt(), description);
    }

    static String text(JsonNode node, String name, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                throw new Oid4vcException(Problem.MALFORMED, "the credential offer has no " + name);
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isEmpty() || value.asText().length() > 4096) {
            throw new Oid4vcException(Problem.MALFORMED, "the credential offer's " + name + " must be a non-empty string");
        }
        return value.asText();
    }
}
