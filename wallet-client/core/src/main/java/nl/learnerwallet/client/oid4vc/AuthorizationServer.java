package nl.learnerwallet.client.oid4vc;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import nl.learnerwallet.client.oid4vc.Oid4vcException.Problem;
import nl.learnerwallet.model.json.StrictJson;

/**
 * The OAuth 2.0 side of receiving: the authorization server's metadata (RFC 8414, its
 * {@code issuer} held to the identifier it was fetched for), and the access token by the
 * pre-authorized code grant (OpenID4VCI section 6.1) or by the authorization code flow with PKCE
 * S256 (RFC 7636) and the {@code iss} check of RFC 9207. Messages are built and parsed by the
 * Nimbus OAuth 2.0 SDK; they travel through {@link ProtocolHttp}.
 */
final class AuthorizationServer {

    /** How this wallet names itself to authorization servers; wallets are public clients without registration. */
    static final String CLIENT_ID = "learner-wallet";

    private final AuthorizationServerMetadata metadata;
    private final ProtocolHttp http;

    private AuthorizationServer(AuthorizationServerMetadata metadata, ProtocolHttp http) {
        this.metadata = metadata;
        this.http = http;
    }

    /** An access token and what the token response said about the credentials it covers. */
    record Token(String accessToken, String cNonce, Map<String, String> credentialIdentifiers) {
    }

    static AuthorizationServer discover(String identifier, ProtocolHttp http) {
        http.checkedUrl(identifier, "the authorization server");
        JsonNode json;
        try {
            json = http.getJson(IssuerMetadata.wellKnown(identifier, "oauth-authorization-server"),
                    "the authorization server's metadata");
        } catch (Oid4vcException notThere) {
            if (notThere.problem() != Problem.UNREACHABLE) {
                throw notThere;
            }
            // Authorization servers that are OpenID providers publish only the OIDC discovery document.
            String base = identifier.endsWith("/") ? identifier.substring(0, identifier.length() - 1) : identifier;
            json = http.getJson(base + "/.well-known/openid-configuration", "the authorization server's metadata");
        }
        AuthorizationServerMetadata metadata;
        try {
            metadata = AuthorizationServerMetadata.parse(json.toString());
        } catch (ParseException e) {
            throw new Oid4vcException(Problem.MALFORMED, "the authorization server's metadata is not usable: " + e.getMessage(), e);
        }
        if (!identifier.equals(metadata.getIssuer().getValue())) {
            throw new Oid4vcException(Problem.METADATA_MISMATCH, "the authorization server's metadata names another server ("
                    + metadata.getIssuer() + ") than " + identifier + ", so it is not trusted");
        }
        if (metadata.getTokenEndpointURI() == null) {
            throw new Oid4vcException(Problem.MALFORMED, "the authorization server's metadata has no token endpoint");
        }
        http.checkedUrl(metadata.getTokenEndpointURI().toString(), "the token endpoint");
        return new AuthorizationServer(metadata, http);
    }

    /** OpenID4VCI section 6.1: the pre-authorized code, with the transaction code when the offer asked for one. */
    Token preAuthorized(String code, String transactionCode) {
        Map<String, List<String>> form = ProtocolHttp.form();
        form.put("grant_type", Collections.singletonList(CredentialOffer.PRE_AUTHORIZED_GRANT));
        form.put("pre-authorized_code", Collections.singletonList(code));
        if (transactionCode != null) {
            form.put("tx_code", Collections.singletonList(transactionCode));
        }
        return token(form, transactionCode != null);
    }

    /** A request the learner's browser takes to the authorization endpoint, and what checks its answer. */
    final class Authorization {
        private final URI request;
        private final URI redirect;
        private final State state = new State();
        private final CodeVerifier verifier = new CodeVerifier();

        private Authorization(URI redirect, List<IssuerMetadata.Configuration> configurations, String issuerState) {
            if (metadata.getAuthorizationEndpointURI() == null) {
                throw new Oid4vcException(Problem.UNSUPPORTED, "the issuer offers no way to sign in: its authorization server has no authorization endpoint");
            }
            http.checkedUrl(metadata.getAuthorizationEndpointURI().toString(), "the authorization endpoint");
            this.redirect = redirect;
            AuthorizationRequest.Builder builder = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                    new ClientID(CLIENT_ID)).endpointURI(metadata.getAuthorizationEndpointURI()).redirectionURI(redirect)
                    .state(state).codeChallenge(verifier, CodeChallengeMethod.S256);
            // Section 5.1: scopes where every configuration has one, else authorization_details.
            List<String> scopes = new ArrayList<>();
            for (IssuerMetadata.Configuration configuration : configurations) {
                if (configuration.scope() != null) {
                    scopes.add(configuration.scope());
                }
            }
            if (scopes.size() == configurations.size()) {
                builder.scope(new Scope(scopes.toArray(new String[0])));
            } else {
                com.fasterxml.jackson.databind.node.ArrayNode details = StrictJson.mapper().createArrayNode();
                for (IssuerMetadata.Configuration configuration : configurations) {
                    details.addObject().put("type", "openid_credential")
                            .put("credential_configuration_id", configuration.id());
                }
                builder.customParameter("authorization_details", details.toString());
            }
            if (issuerState != null) {
                builder.customParameter("issuer_state", issuerState);
            }
            this.request = builder.build().toURI();
        }

        URI request() {
            return request;
        }

        /** Checks the browser's redirect (state, {@code iss}) and swaps its code for a token. */
        Token complete(URI callback) {
            AuthorizationResponse response;
            try {
                response = AuthorizationResponse.parse(callback);
            } catch (ParseException e) {
                throw new Oid4vcException(Problem.AUTHORIZATION_FAILED, "the issuer's answer to the sign-in is not usable", e);
            }
            if (!state.equals(response.getState())) {
                throw new Oid4vcException(Problem.AUTHORIZATION_FAILED, "the sign-in answer does not belong to this request");
            }
            Issuer named = response.getIssuer();
            boolean issRequired = metadata.supportsAuthorizationResponseIssuerParam();
            if ((named == null && issRequired) || (named != null && !named.equals(metadata.getIssuer()))) {
                throw new Oid4vcException(Problem.AUTHORIZATION_FAILED, "the sign-in answer comes from another authorization server");
            }
            if (!response.indicatesSuccess()) {
                AuthorizationErrorResponse error = (AuthorizationErrorResponse) response;
                throw new Oid4vcException(Problem.AUTHORIZATION_FAILED, "the issuer did not authorise receiving the credential ("
                        + error.getErrorObject().getCode() + ")");
            }
            AuthorizationCode code = ((AuthorizationSuccessResponse) response).getAuthorizationCode();
            if (code == null) {
                throw new Oid4vcException(Problem.AUTHORIZATION_FAILED, "the sign-in answer carries no authorization code");
            }
            TokenRequest tokenRequest = new TokenRequest(metadata.getTokenEndpointURI(), new ClientID(CLIENT_ID),
                    new AuthorizationCodeGrant(code, redirect, verifier));
            try {
                return token(tokenRequest.toHTTPRequest().getBodyAsFormParameters(), false);
            } catch (ParseException e) {
                throw new IllegalStateException("the SDK's own token request is always a form", e);
            }
        }
    }

    Authorization authorization(URI redirect, List<IssuerMetadata.Configuration> configurations, String issuerState) {
        return new Authorization(redirect, configurations, issuerState);
    }

    private Token token(Map<String, List<String>> form, boolean withTransactionCode) {
        ProtocolHttp.JsonAnswer answer = http.postForm(metadata.getTokenEndpointURI().toString(), form, null,
                "the issuer's token endpoint");
        HTTPResponse response = new HTTPResponse(answer.status());
        response.setHeader("Content-Type", ProtocolHttp.JSON);
        response.setBody(answer.body() == null ? "{}" : answer.body().toString());
        TokenResponse parsed;
        try {
            parsed = TokenResponse.parse(response);
        } catch (ParseException e) {
            throw new Oid4vcException(Problem.UNREACHABLE, "the issuer's token endpoint answered with something unusable", e);
        }
        if (!parsed.indicatesSuccess()) {
            String code = ((TokenErrorResponse) parsed).getErrorObject().getCode();
            if ("invalid_grant".equals(code) && withTransactionCode) {
                throw new Oid4vcException(Problem.GRANT_REFUSED, "the issuer did not accept the transaction code");
            }
            if ("invalid_grant".equals(code)) {
                throw new Oid4vcException(Problem.GRANT_REFUSED, "the issuer did not accept the offer's code (it may have been used or expired)");
            }
            throw new Oid4vcException(Problem.GRANT_REFUSED, "the issuer refused an access token (" + answer.errorDescription() + ")");
        }
        AccessTokenResponse success = parsed.toSuccessResponse();
        Map<String, String> identifiers = new java.util.LinkedHashMap<>();
        JsonNode details = answer.body().path("authorization_details");
        for (JsonNode detail : details) {
            JsonNode ids = detail.path("credential_identifiers");
            String configuration = detail.path("credential_configuration_id").asText(null);
            if (configuration != null && ids.isArray() && ids.size() > 0 && ids.get(0).isTextual()) {
                identifiers.put(configuration, ids.get(0).asText());
            }
        }
        return new Token(success.getTokens().getAccessToken().getValue(), answer.body().path("c_nonce").asText(null),
                identifiers);
    }
}
