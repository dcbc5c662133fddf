// A test-only OpenID4VCI 1.0 credential issuer (with its own OAuth 2.0 authorization server) and
// OpenID4VP 1.0 verifier (DCQL, direct_post, a signed request object by reference), built on the
// OpenWallet Foundation's oid4vc-ts and sd-jwt-js. This file is glue: HTTP routing, in-memory
// state, and the checks the libraries leave to their caller (README.md lists which is which).
//
// Usage: node peer.mjs [--port N] [--exit-on-stdin-close]
// Listens on 127.0.0.1 (port 0 = a free one) and prints one line {"port": N} on stdout when ready.
// Logs one line per request on stderr.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import {
  Oauth2AuthorizationServer,
  Oauth2ErrorCodes,
  Oauth2ResourceServer,
  Oauth2ResourceUnauthorizedError,
  Oauth2ServerErrorResponseError,
  PkceCodeChallengeMethod,
  SupportedAuthenticationScheme,
  authorizationCodeGrantIdentifier,
  decodeJwt,
  preAuthorizedCodeGrantIdentifier,
  setGlobalConfig,
} from '@openid4vc/oauth2';
import { Openid4vciIssuer, Openid4vciVersion } from '@openid4vc/openid4vci';
import { Openid4vpVerifier } from '@openid4vc/openid4vp';
import { parseIfJson } from '@openid4vc/utils';
import { digest, generateSalt } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import * as jose from 'jose';
import {
  ALGORITHMS, algorithmOf, didJwkOf, didOf, generateKey, generateRandom, hash, jwkOfDid, publicPart, randomId,
  sdJwtSignerFor, sdJwtVerifierFor, signJwt, signJwtCallback, verifyJwtCallback, verifySignature,
} from './keys.mjs';

// Everything here is http://127.0.0.1; oid4vc-ts refuses non-https URLs unless told otherwise.
setGlobalConfig({ allowInsecureUrls: true });

const args = process.argv.slice(2);
const portArgument = args.indexOf('--port');
const PORT = portArgument >= 0 ? Number(args[portArgument + 1]) : 0;

// ---------------------------------------------------------------------------------------------
// Constants of the test issuer and verifier

const NONCE_LIFETIME_SECONDS = 300;
const CODE_LIFETIME_SECONDS = 600;
const ACCESS_TOKEN_LIFETIME_SECONDS = 3600;
/** How old (or how far in the future) a proof JWT's or KB-JWT's iat may be. */
const IAT_PAST_SECONDS = 300;
const IAT_FUTURE_SECONDS = 60;

const EU_LEARNING_CREDENTIAL_VCT = 'urn:eu.europa.ec.eudi:learning:credential:1';
const ISSUER_NAME = 'Hogeschool Utrecht (OID4VCI test issuer)';
const SELF_ISSUED_AUDIENCE = 'https://self-issued.me/v2';
const PROOF_ALGS = ['ES256', 'EdDSA'];

/** The learner every authorization is approved for (no login). */
const LEARNER = { givenName: 'Sanne', familyName: 'de Vries' };

/** The microcredential both configurations describe: an hbo unit of 5 EC at EQF 6. */
const ACHIEVEMENT = {
  title: 'Data-analyse met Python',
  description: 'Microcredential binnen de landelijke pilot, met externe kwaliteitsborging.',
  outcomes: [
    'Je analyseert een dataset uit je werkpraktijk met pandas.',
    'Je visualiseert resultaten met matplotlib en licht ze toe aan collega\'s.',
    'Je beoordeelt de kwaliteit van data en benoemt beperkingen van je analyse.',
  ],
  eqf: 6,
  ects: 5,
  grade: '8,0',
};

const issuerKey = generateKey('ES256');
const verifierKey = generateKey('ES256');
/** Signs the request objects of badSignature and clientIdMismatch requests. */
const rogueKey = generateKey('ES256');
/** Signs access tokens (JWT profile, RFC 9068); published at /jwks. */
const accessTokenKey = generateKey('ES256');

const issuerDid = didJwkOf(issuerKey.publicJwk);
const verifierDid = didJwkOf(verifierKey.publicJwk);
const rogueDid = didJwkOf(rogueKey.publicJwk);
const verifierClientId = `decentralized_identifier:${verifierDid}`;
const accessTokenPublicJwk = { ...accessTokenKey.publicJwk, kid: 'access-token-key', use: 'sig', alg: 'ES256' };

// ---------------------------------------------------------------------------------------------
// In-memory state (one test run; nothing is persisted)

/** offer id -> {id, offer, configurationIds, grant, txCode, preAuthorizedCode, issuerState, deferred} */
const offers = new Map();
/** pre-authorized code -> offer record (removed when exchanged) */
const preAuthorizedCodes = new Map();
/** issuer_state -> offer record */
const issuerStates = new Map();
/** authorization code -> {clientId, redirectUri, codeChallenge, grantedConfigurationIds, authorizationDetails, offer, expiresAt} */
const authorizationCodes = new Map();
/** session id (the access token's sub) -> {configurationIds, credentialIdentifiers, deferred, clientId, grantType} */
const sessions = new Map();
/** c_nonce -> expiry (ms); removed when a proof uses it */
const nonces = new Map();
/** transaction_id -> {sessionId, credentials, polls} */
const transactions = new Map();
/** request id -> {id, payload, jwt, nonce, clientId, result} */
const presentationRequests = new Map();

let baseUrl; // set when listening
let issuerMetadata; // IssuerMetadataResult for oid4vc-ts
let authorizationServerMetadata;

const callbacks = {
  hash,
  generateRandom,
  signJwt: signJwtCallback([issuerKey.privateJwk, verifierKey.privateJwk, accessTokenKey.privateJwk]),
  verifyJwt: verifyJwtCallback,
  clientAuthentication: () => {},
  // The resource server fetches the access token keys from jwks_uri; answer that in-process.
  fetch: async (input, init) => {
    const url = typeof input === 'string' ? input : input.url ?? String(input);
    if (url === `${baseUrl}/jwks`) {
      return new Response(JSON.stringify({ keys: [accessTokenPublicJwk] }), {
        headers: { 'Content-Type': 'application/jwk-set+json' },
      });
    }
    return fetch(input, init);
  },
  encryptJwe: () => {
    throw new Error('encryption is not supported by this peer');
  },
  decryptJwe: () => {
    throw new Error('encryption is not supported by this peer');
  },
};

const issuer = new Openid4vciIssuer({ callbacks });
const authorizationServer = new Oauth2AuthorizationServer({ callbacks });
const resourceServer = new Oauth2ResourceServer({ callbacks });
const verifier = new Openid4vpVerifier({ callbacks });

function buildMetadata() {
  const proofTypes = { jwt: { proof_signing_alg_values_supported: PROOF_ALGS } };
  const credentialIssuer = issuer.createCredentialIssuerMetadata({
    credential_issuer: baseUrl,
    authorization_servers: [baseUrl],
    credential_endpoint: `${baseUrl}/credential`,
    nonce_endpoint: `${baseUrl}/nonce`,
    deferred_credential_endpoint: `${baseUrl}/deferred-credential`,
    display: [{ name: ISSUER_NAME, locale: 'nl' }],
    credential_configurations_supported: {
      OpenBadgeCredential_jwt: {
        format: 'jwt_vc_json',
        scope: 'openbadge',
        cryptographic_binding_methods_supported: ['did:jwk', 'jwk'],
        credential_signing_alg_values_supported: ['ES256'],
        proof_types_supported: proofTypes,
        credential_definition: { type: ['VerifiableCredential', 'OpenBadgeCredential'] },
        credential_metadata: { display: [{ name: 'Microcredential (Open Badges 3.0)', locale: 'nl' }] },
      },
      EuLearningCredential_sdjwt: {
        format: 'dc+sd-jwt',
        scope: 'learningcredential',
        vct: EU_LEARNING_CREDENTIAL_VCT,
        cryptographic_binding_methods_supported: ['jwk'],
        credential_signing_alg_values_supported: ['ES256'],
        proof_types_supported: proofTypes,
        credential_metadata: {
          display: [{ name: 'European Learning Credential', locale: 'nl' }],
          claims: [
            { path: ['given_name'], display: [{ name: 'Voornaam', locale: 'nl' }] },
            { path: ['family_name'], display: [{ name: 'Achternaam', locale: 'nl' }] },
            { path: ['achievement_title'], display: [{ name: 'Titel', locale: 'nl' }] },
            { path: ['learning_outcomes'], display: [{ name: 'Leeruitkomsten', locale: 'nl' }] },
          ],
        },
      },
    },
  });
  authorizationServerMetadata = authorizationServer.createAuthorizationServerMetadata({
    issuer: baseUrl,
    authorization_endpoint: `${baseUrl}/authorize`,
    token_endpoint: `${baseUrl}/token`,
    jwks_uri: `${baseUrl}/jwks`,
    response_types_supported: ['code'],
    grant_types_supported: [authorizationCodeGrantIdentifier, preAuthorizedCodeGrantIdentifier],
    code_challenge_methods_supported: [PkceCodeChallengeMethod.S256],
    token_endpoint_auth_methods_supported: ['none'],
    scopes_supported: ['openbadge', 'learningcredential'],
    authorization_details_types_supported: ['openid_credential'],
    authorization_response_iss_parameter_supported: true,
    'pre-authorized_grant_anonymous_access_supported': true,
  });
  issuerMetadata = {
    credentialIssuer,
    authorizationServers: [authorizationServerMetadata],
    originalDraftVersion: Openid4vciVersion.V1,
    knownCredentialConfigurations: issuer.getKnownCredentialConfigurationsSupported(credentialIssuer),
  };
}

function configurations() {
  return issuerMetadata.credentialIssuer.credential_configurations_supported;
}

// ---------------------------------------------------------------------------------------------
// HTTP plumbing

/** An error answered as JSON: {error, error_description} with a status (400 by default). */
class HttpError extends Error {
  constructor(status, error, description, headers = {}) {
    super(description ?? error);
    this.status = status;
    this.body = description === undefined ? { error } : { error, error_description: description };
    this.headers = headers;
  }
}

function badRequest(error, description) {
  return new HttpError(400, error, description);
}

function send(res, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

async function readBody(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 1024 * 1024) throw badRequest('invalid_request', 'request body over 1 MiB');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function mediaType(req) {
  return String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

async function readForm(req) {
  if (mediaType(req) !== 'application/x-www-form-urlencoded') {
    throw badRequest('invalid_request', `Content-Type must be application/x-www-form-urlencoded, got ${req.headers['content-type'] ?? 'none'}`);
  }
  const form = {};
  for (const [name, value] of new URLSearchParams(await readBody(req))) {
    if (name in form) throw badRequest('invalid_request', `parameter ${name} is repeated`);
    form[name] = value;
  }
  return form;
}

async function readJson(req, error = 'invalid_request') {
  if (mediaType(req) !== 'application/json') {
    throw badRequest(error, `Content-Type must be application/json, got ${req.headers['content-type'] ?? 'none'}`);
  }
  const text = await readBody(req);
  try {
    const value = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
    return value;
  } catch (parseError) {
    throw badRequest(error, `the body is not a JSON object: ${parseError.message}`);
  }
}

/** oid4vc-ts's RequestLike for an incoming request. */
function requestLike(req) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return { method: req.method, url: `${baseUrl}${req.url}`, headers };
}

/** Turns an oid4vc-ts server error into our HttpError, keeping its OAuth error response. */
function fromLibraryError(error) {
  if (error instanceof Oauth2ServerErrorResponseError) {
    const httpError = new HttpError(error.status, error.errorResponse.error, error.errorResponse.error_description);
    httpError.body = { ...error.errorResponse };
    return httpError;
  }
  if (error instanceof Oauth2ResourceUnauthorizedError) {
    const challenge = error.wwwAuthenticateHeaders[0] ?? {};
    return new HttpError(401, challenge.error ?? 'invalid_token', challenge.error_description ?? error.message.split('\n')[0], {
      'WWW-Authenticate': error.toHeaderValue(),
    });
  }
  return error;
}

const routes = [];
function route(method, pattern, handler) {
  routes.push({ method, pattern, handler });
}

async function handle(req, res) {
  const url = new URL(req.url, baseUrl);
  const matches = routes.filter(({ pattern }) => (typeof pattern === 'string' ? pattern === url.pathname : pattern.test(url.pathname)));
  if (matches.length === 0) throw new HttpError(404, 'not_found', `no resource at ${url.pathname}`);
  const match = matches.find(({ method }) => method === req.method);
  if (!match) throw new HttpError(405, 'method_not_allowed', `${req.method} is not allowed on ${url.pathname}`, { Allow: matches.map((m) => m.method).join(', ') });
  const params = typeof match.pattern === 'string' ? [] : match.pattern.exec(url.pathname).slice(1).map(decodeURIComponent);
  await match.handler({ req, res, url, params });
}

// ---------------------------------------------------------------------------------------------
// Metadata

route('GET', '/.well-known/openid-credential-issuer', ({ res }) => send(res, 200, issuerMetadata.credentialIssuer));
route('GET', '/.well-known/oauth-authorization-server', ({ res }) => send(res, 200, authorizationServerMetadata));
route('GET', '/jwks', ({ res }) => send(res, 200, { keys: [accessTokenPublicJwk] }, { 'Content-Type': 'application/jwk-set+json' }));

// ---------------------------------------------------------------------------------------------
// Test control

route('GET', '/test/keys', ({ res }) => send(res, 200, {
  issuerDid,
  issuerPublicJwk: issuerKey.publicJwk,
  verifierDid,
  verifierPublicJwk: verifierKey.publicJwk,
  verifierClientId,
}));

route('POST', '/test/offers', async ({ req, res }) => {
  const body = await readJson(req);
  const { configurationIds, grant, txCode, byReference = false, deferred = false } = body;
  if (!Array.isArray(configurationIds) || configurationIds.length === 0 || !configurationIds.every((id) => typeof id === 'string')) {
    throw badRequest('invalid_request', 'configurationIds must be a non-empty array of strings');
  }
  if (grant !== 'pre-authorized_code' && grant !== 'authorization_code') {
    throw badRequest('invalid_request', 'grant must be "pre-authorized_code" or "authorization_code"');
  }
  if (txCode !== undefined && (typeof txCode !== 'string' || txCode.length === 0 || grant !== 'pre-authorized_code')) {
    throw badRequest('invalid_request', 'txCode must be a non-empty string, and only with the pre-authorized_code grant');
  }
  const id = randomId();
  const record = { id, configurationIds, grant, txCode, deferred: deferred === true };
  const grants = {};
  if (grant === 'pre-authorized_code') {
    record.preAuthorizedCode = randomId(32);
    grants[preAuthorizedCodeGrantIdentifier] = { 'pre-authorized_code': record.preAuthorizedCode };
    if (txCode !== undefined) {
      grants[preAuthorizedCodeGrantIdentifier].tx_code = {
        input_mode: /^[0-9]+$/.test(txCode) ? 'numeric' : 'text',
        length: txCode.length,
        description: 'Voer de code in die je per e-mail van de hogeschool hebt gekregen.',
      };
    }
  } else {
    record.issuerState = randomId(24);
    grants[authorizationCodeGrantIdentifier] = { issuer_state: record.issuerState };
  }
  const offerUri = byReference === true ? `${baseUrl}/offers/${id}` : undefined;
  const unknown = configurationIds.filter((configurationId) => !(configurationId in configurations()));
  if (unknown.length === 0) {
    const created = await issuer.createCredentialOffer({
      issuerMetadata,
      credentialConfigurationIds: configurationIds,
      grants,
      credentialOfferUri: offerUri,
    });
    record.offer = created.credentialOfferObject;
    record.offerUri = created.credentialOffer;
  } else {
    // oid4vc-ts refuses offers for configurations its metadata does not have; the wallet's
    // bad-input tests need one, so this offer is written here, in the same shape.
    record.offer = { credential_issuer: baseUrl, credential_configuration_ids: configurationIds, grants };
    const query = offerUri === undefined
      ? `credential_offer=${encodeURIComponent(JSON.stringify(record.offer))}`
      : `credential_offer_uri=${encodeURIComponent(offerUri)}`;
    record.offerUri = `openid-credential-offer://?${query}`;
  }
  offers.set(id, record);
  if (record.preAuthorizedCode) preAuthorizedCodes.set(record.preAuthorizedCode, record);
  if (record.issuerState) issuerStates.set(record.issuerState, record);
  send(res, 200, {
    id,
    offerUri: record.offerUri,
    offer: record.offer,
    ...(record.preAuthorizedCode ? { preAuthorizedCode: record.preAuthorizedCode } : {}),
    ...(record.issuerState ? { issuerState: record.issuerState } : {}),
  });
});

route('GET', /^\/offers\/([^/]+)$/, ({ res, params }) => {
  const record = offers.get(params[0]);
  if (!record) throw new HttpError(404, 'not_found', 'no such credential offer');
  send(res, 200, record.offer);
});

// ---------------------------------------------------------------------------------------------
// Authorization endpoint (authorization code flow with PKCE; no login, a fixed learner)

/** RFC 8252 section 7.3: a native app's loopback redirect; http, any port. */
function isLoopbackRedirect(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && url.hash === ''
    && (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname) || url.hostname === '[::1]' || url.hostname === 'localhost');
}

/** The configuration ids an authorization request's scope or authorization_details ask for. */
function requestedConfigurations(query) {
  const granted = new Set();
  let authorizationDetails;
  const scope = query.get('scope');
  if (scope !== null) {
    for (const value of scope.split(' ').filter(Boolean)) {
      const id = Object.keys(configurations()).find((candidate) => configurations()[candidate].scope === value);
      if (!id) throw badRequest('invalid_scope', `unknown scope ${value}`);
      granted.add(id);
    }
  }
  const detailsText = query.get('authorization_details');
  if (detailsText !== null) {
    authorizationDetails = parseAuthorizationDetails(detailsText);
    for (const detail of authorizationDetails) granted.add(detail.credential_configuration_id);
  }
  if (granted.size === 0) throw badRequest('invalid_request', 'the request has neither scope nor authorization_details');
  return { configurationIds: [...granted], authorizationDetails };
}

/** RFC 9396 authorization_details of type openid_credential (OpenID4VCI 1.0 section 5.1.1). */
function parseAuthorizationDetails(value) {
  let details = value;
  if (typeof value === 'string') {
    try {
      details = JSON.parse(value);
    } catch {
      throw badRequest('invalid_authorization_details', 'authorization_details is not JSON');
    }
  }
  if (!Array.isArray(details) || details.length === 0) {
    throw badRequest('invalid_authorization_details', 'authorization_details must be a non-empty JSON array');
  }
  for (const detail of details) {
    if (detail?.type !== 'openid_credential') {
      throw badRequest('invalid_authorization_details', `unsupported authorization_details type ${JSON.stringify(detail?.type)}`);
    }
    if (typeof detail.credential_configuration_id !== 'string') {
      throw badRequest('invalid_authorization_details', 'an openid_credential entry needs credential_configuration_id');
    }
    if (!(detail.credential_configuration_id in configurations())) {
      throw badRequest('invalid_authorization_details', `unknown credential_configuration_id ${detail.credential_configuration_id}`);
    }
  }
  return details;
}

/** The token response's authorization_details: each entry with credential_identifiers. */
function withCredentialIdentifiers(details) {
  return details.map((detail) => ({
    ...detail,
    credential_identifiers: [`${detail.credential_configuration_id}-${randomId(6)}`],
  }));
}

route('GET', '/authorize', ({ res, url }) => {
  const query = url.searchParams;
  for (const name of new Set(query.keys())) {
    if (query.getAll(name).length > 1) throw badRequest('invalid_request', `parameter ${name} is repeated`);
  }
  const clientId = query.get('client_id');
  const redirectUri = query.get('redirect_uri');
  // Until client_id and redirect_uri are known good, errors are not redirected (RFC 6749 4.1.2.1).
  if (!clientId) throw badRequest('invalid_request', 'client_id is required');
  if (!redirectUri) throw badRequest('invalid_request', 'redirect_uri is required');
  if (!isLoopbackRedirect(redirectUri)) {
    throw badRequest('invalid_request', `redirect_uri must be a loopback http URI (RFC 8252), got ${redirectUri}`);
  }
  const state = query.get('state');
  const redirect = (parameters) => {
    const location = new URL(redirectUri);
    for (const [name, value] of Object.entries({ ...parameters, ...(state !== null ? { state } : {}), iss: baseUrl })) {
      location.searchParams.set(name, value);
    }
    res.writeHead(302, { Location: location.toString(), 'Cache-Control': 'no-store' });
    res.end();
  };
  try {
    if (query.get('response_type') !== 'code') {
      throw badRequest('unsupported_response_type', 'response_type must be code');
    }
    if (query.get('request_uri') !== null || query.get('request') !== null) {
      throw badRequest('request_not_supported', 'pushed and signed authorization requests are not supported');
    }
    const codeChallenge = query.get('code_challenge');
    if (!codeChallenge || query.get('code_challenge_method') !== 'S256') {
      throw badRequest('invalid_request', 'PKCE is required: code_challenge with code_challenge_method S256');
    }
    if (!/^[A-Za-z0-9_-]{43}$/.test(codeChallenge)) {
      throw badRequest('invalid_request', 'code_challenge must be a base64url SHA-256 digest (43 characters)');
    }
    const resource = query.get('resource');
    if (resource !== null && resource !== baseUrl) {
      throw badRequest('invalid_target', `resource must be the credential issuer ${baseUrl}`);
    }
    const { configurationIds, authorizationDetails } = requestedConfigurations(query);
    let offer;
    const issuerState = query.get('issuer_state');
    if (issuerState !== null) {
      offer = issuerStates.get(issuerState);
      if (!offer) throw badRequest('invalid_request', 'unknown issuer_state');
      const notOffered = configurationIds.filter((id) => !offer.configurationIds.includes(id));
      if (notOffered.length > 0) throw badRequest('invalid_scope', `not in the credential offer: ${notOffered.join(', ')}`);
    }
    const code = randomId(32);
    authorizationCodes.set(code, {
      clientId,
      redirectUri,
      codeChallenge,
      configurationIds,
      authorizationDetails,
      scope: query.get('scope') ?? undefined,
      offer,
      expiresAt: Date.now() + CODE_LIFETIME_SECONDS * 1000,
    });
    redirect({ code });
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    redirect({ error: error.body.error, ...(error.body.error_description ? { error_description: error.body.error_description } : {}) });
  }
});

// ---------------------------------------------------------------------------------------------
// Token endpoint

route('POST', '/token', async ({ req, res }) => {
  const tokenRequest = await readForm(req);
  const request = requestLike(req);
  let parsed;
  try {
    parsed = authorizationServer.parseAccessTokenRequest({ accessTokenRequest: tokenRequest, request, authorizationServerMetadata });
  } catch (error) {
    throw fromLibraryError(error);
  }
  const session = { clientId: tokenRequest.client_id };
  let authorizationDetails;
  let scope;
  if (parsed.grant.grantType === preAuthorizedCodeGrantIdentifier) {
    const offer = preAuthorizedCodes.get(parsed.grant.preAuthorizedCode);
    if (!offer) throw badRequest('invalid_grant', 'unknown or already used pre-authorized_code');
    try {
      await authorizationServer.verifyPreAuthorizedCodeAccessTokenRequest({
        authorizationServerMetadata,
        grant: parsed.grant,
        accessTokenRequest: parsed.accessTokenRequest,
        request,
        expectedPreAuthorizedCode: offer.preAuthorizedCode,
        expectedTxCode: offer.txCode,
      });
    } catch (error) {
      throw fromLibraryError(error);
    }
    if (tokenRequest.authorization_details !== undefined) {
      authorizationDetails = parseAuthorizationDetails(tokenRequest.authorization_details);
      const notOffered = authorizationDetails.map((d) => d.credential_configuration_id).filter((id) => !offer.configurationIds.includes(id));
      if (notOffered.length > 0) throw badRequest('invalid_authorization_details', `not in the credential offer: ${notOffered.join(', ')}`);
    }
    preAuthorizedCodes.delete(offer.preAuthorizedCode);
    Object.assign(session, { grantType: 'pre-authorized_code', configurationIds: offer.configurationIds, deferred: offer.deferred });
  } else if (parsed.grant.grantType === authorizationCodeGrantIdentifier) {
    const authorization = authorizationCodes.get(parsed.grant.code);
    if (!authorization) throw badRequest('invalid_grant', 'unknown or already used authorization code');
    if (tokenRequest.client_id === undefined) throw badRequest('invalid_request', 'client_id is required (public client)');
    if (tokenRequest.client_id !== authorization.clientId) throw badRequest('invalid_grant', 'client_id is not the one the code was issued to');
    if (tokenRequest.redirect_uri !== authorization.redirectUri) {
      throw badRequest('invalid_grant', 'redirect_uri is not the one of the authorization request');
    }
    try {
      await authorizationServer.verifyAuthorizationCodeAccessTokenRequest({
        authorizationServerMetadata,
        grant: parsed.grant,
        accessTokenRequest: parsed.accessTokenRequest,
        request,
        expectedCode: parsed.grant.code,
        codeExpiresAt: new Date(authorization.expiresAt),
        pkce: {
          codeChallenge: authorization.codeChallenge,
          codeChallengeMethod: PkceCodeChallengeMethod.S256,
          codeVerifier: parsed.pkceCodeVerifier,
        },
      });
    } catch (error) {
      throw fromLibraryError(error);
    }
    authorizationCodes.delete(parsed.grant.code);
    authorizationDetails = authorization.authorizationDetails;
    scope = authorization.scope;
    Object.assign(session, {
      grantType: 'authorization_code',
      configurationIds: authorization.configurationIds,
      deferred: authorization.offer?.deferred ?? false,
    });
  } else {
    throw badRequest('unsupported_grant_type', `grant_type ${parsed.grant.grantType} is not supported`);
  }
  let responseDetails;
  if (authorizationDetails) {
    responseDetails = withCredentialIdentifiers(authorizationDetails);
    session.credentialIdentifiers = Object.fromEntries(
      responseDetails.flatMap((detail) => detail.credential_identifiers.map((identifier) => [identifier, detail.credential_configuration_id])),
    );
  }
  const sessionId = randomId();
  sessions.set(sessionId, session);
  const tokenResponse = await authorizationServer.createAccessTokenResponse({
    audience: baseUrl,
    authorizationServer: baseUrl,
    subject: sessionId,
    clientId: session.clientId,
    scope,
    expiresInSeconds: ACCESS_TOKEN_LIFETIME_SECONDS,
    signer: { method: 'jwk', alg: 'ES256', publicJwk: accessTokenKey.publicJwk },
    additionalAccessTokenResponsePayload: responseDetails ? { authorization_details: responseDetails } : undefined,
  });
  send(res, 200, tokenResponse, { 'Cache-Control': 'no-store', Pragma: 'no-cache' });
});

// ---------------------------------------------------------------------------------------------
// Nonce, credential and deferred credential endpoints

route('POST', '/nonce', ({ res }) => {
  const now = Date.now();
  for (const [nonce, expiresAt] of nonces) if (expiresAt < now) nonces.delete(nonce);
  const cNonce = randomId(24);
  nonces.set(cNonce, now + NONCE_LIFETIME_SECONDS * 1000);
  send(res, 200, issuer.createNonceResponse({ cNonce }), { 'Cache-Control': 'no-store' });
});

/** Verifies the bearer access token; returns the session it was issued for. */
async function authorizedSession(req) {
  let verified;
  try {
    verified = await resourceServer.verifyResourceRequest({
      request: requestLike(req),
      resourceServer: baseUrl,
      authorizationServers: [authorizationServerMetadata],
      allowedAuthenticationSchemes: [SupportedAuthenticationScheme.Bearer],
    });
  } catch (error) {
    throw fromLibraryError(error);
  }
  const session = sessions.get(verified.tokenPayload.sub);
  if (!session) throw new HttpError(401, 'invalid_token', 'the access token is not known here', { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
  return { session, sessionId: verified.tokenPayload.sub };
}

route('POST', '/credential', async ({ req, res }) => {
  const { session, sessionId } = await authorizedSession(req);
  const body = await readJson(req, 'invalid_credential_request');

  // Which configuration: credential_identifier when the token response had authorization_details
  // (OpenID4VCI 1.0 section 8.2), credential_configuration_id otherwise.
  let configurationId;
  if (session.credentialIdentifiers) {
    if (body.credential_identifier === undefined) {
      throw badRequest('invalid_credential_request', 'the token response had authorization_details, so the request must use credential_identifier');
    }
    configurationId = session.credentialIdentifiers[body.credential_identifier];
    if (!configurationId) throw badRequest('unknown_credential_identifier', `unknown credential_identifier ${body.credential_identifier}`);
  } else {
    if (body.credential_identifier !== undefined) {
      throw badRequest('unknown_credential_identifier', 'no credential_identifier was issued with this access token');
    }
    if (typeof body.credential_configuration_id !== 'string') {
      throw badRequest('invalid_credential_request', 'credential_configuration_id is required');
    }
    configurationId = body.credential_configuration_id;
    if (!(configurationId in configurations())) {
      throw badRequest('unknown_credential_configuration', `unknown credential_configuration_id ${configurationId}`);
    }
    if (!session.configurationIds.includes(configurationId)) {
      throw badRequest('invalid_credential_request', `the access token does not cover ${configurationId}`);
    }
  }
  if (body.proof !== undefined && body.proofs !== undefined) {
    throw badRequest('invalid_credential_request', 'proof and proofs must not both be present');
  }

  let parsed;
  try {
    parsed = issuer.parseCredentialRequest({ issuerMetadata, credentialRequest: body });
  } catch (error) {
    throw fromLibraryError(error);
  }
  const proofs = parsed.proofs?.jwt;
  if (!proofs || proofs.length === 0) {
    throw badRequest('invalid_proof', 'a key proof of type jwt is required (proofs.jwt)');
  }
  if (proofs.length > 1) {
    throw badRequest('invalid_credential_request', 'batch issuance is not supported: send exactly one proof');
  }
  const holder = await verifyProof(proofs[0], configurationId, session);

  const credential = configurationId === 'OpenBadgeCredential_jwt'
    ? await issueOpenBadge(holder)
    : await issueLearningCredential(holder);

  if (session.deferred) {
    const transactionId = randomId();
    transactions.set(transactionId, { sessionId, credentials: [{ credential }], polls: 0 });
    const credentialResponse = issuer.createCredentialResponse({ credentialRequest: parsed, transactionId, interval: 1 });
    send(res, 202, credentialResponse, { 'Cache-Control': 'no-store' });
    return;
  }
  const credentialResponse = issuer.createCredentialResponse({ credentialRequest: parsed, credentials: [{ credential }] });
  send(res, 200, credentialResponse, { 'Cache-Control': 'no-store' });
});

/**
 * Verifies a jwt key proof: oid4vc-ts checks typ, the signature (jwk or did:jwk / did:key kid),
 * aud and the nonce it is given; the glue finds that nonce among the unused c_nonces, and checks
 * the alg, iat, iss and the key's form against the configuration. Returns the holder key and DID.
 */
async function verifyProof(jwt, configurationId, session) {
  let decoded;
  try {
    decoded = decodeJwt({ jwt });
  } catch (error) {
    throw badRequest('invalid_proof', `the proof is not a JWT: ${error.message}`);
  }
  const { header, payload } = decoded;
  const nonce = payload.nonce;
  const expiresAt = typeof nonce === 'string' ? nonces.get(nonce) : undefined;
  if (expiresAt === undefined) {
    throw badRequest('invalid_nonce', 'the proof\'s nonce is not a c_nonce from the nonce endpoint, or it was used already');
  }
  try {
    await issuer.verifyCredentialRequestJwtProof({
      issuerMetadata,
      jwt,
      expectedNonce: nonce,
      nonceExpiresAt: new Date(expiresAt),
    });
  } catch (error) {
    if (Date.now() > expiresAt) {
      nonces.delete(nonce);
      throw badRequest('invalid_nonce', 'the c_nonce expired');
    }
    throw fromLibraryError(error);
  }
  const configuration = configurations()[configurationId];
  if (!configuration.proof_types_supported.jwt.proof_signing_alg_values_supported.includes(header.alg)) {
    throw badRequest('invalid_proof', `proof alg ${header.alg} is not supported for ${configurationId}`);
  }
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.iat !== 'number' || payload.iat < now - IAT_PAST_SECONDS || payload.iat > now + IAT_FUTURE_SECONDS) {
    throw badRequest('invalid_proof', `proof iat ${payload.iat} is not within ${IAT_PAST_SECONDS}s before or ${IAT_FUTURE_SECONDS}s after now (${now})`);
  }
  if (payload.iss !== undefined) {
    if (session.clientId === undefined) {
      throw badRequest('invalid_proof', 'proof iss must be omitted: the access token came from anonymous pre-authorized access');
    }
    if (payload.iss !== session.clientId) throw badRequest('invalid_proof', `proof iss ${payload.iss} is not the client_id ${session.clientId}`);
  }
  if ([header.jwk, header.kid, header.x5c].filter((value) => value !== undefined).length !== 1) {
    throw badRequest('invalid_proof', 'the proof header must have exactly one of jwk, kid and x5c');
  }
  const methods = configuration.cryptographic_binding_methods_supported;
  let holderJwk;
  let holderDid;
  if (header.jwk !== undefined) {
    if (!methods.includes('jwk')) throw badRequest('invalid_proof', `${configurationId} binds to a DID: use kid, not jwk`);
    if ('d' in header.jwk) throw badRequest('invalid_proof', 'the proof\'s jwk contains a private key');
    holderJwk = publicPart(header.jwk);
    holderDid = didJwkOf(holderJwk);
  } else if (typeof header.kid === 'string' && /^did:(jwk|key):/.test(header.kid)) {
    if (!methods.includes('did:jwk')) {
      throw badRequest('invalid_proof', `${configurationId} binds to a JWK (cryptographic_binding_methods_supported ${JSON.stringify(methods)}): use the jwk header`);
    }
    holderDid = didOf(header.kid);
    holderJwk = jwkOfDid(header.kid);
  } else {
    throw badRequest('invalid_proof', 'the proof must carry its key as jwk or as a did:jwk / did:key kid');
  }
  if (algorithmOf(holderJwk) !== header.alg) throw badRequest('invalid_proof', `alg ${header.alg} does not fit the ${holderJwk.crv} key`);
  nonces.delete(nonce);
  return { jwk: holderJwk, did: holderDid };
}

route('POST', '/deferred-credential', async ({ req, res }) => {
  const { sessionId } = await authorizedSession(req);
  const body = await readJson(req, 'invalid_credential_request');
  let parsed;
  try {
    parsed = issuer.parseDeferredCredentialRequest({ deferredCredentialRequest: body });
  } catch (error) {
    throw fromLibraryError(error);
  }
  const transactionId = parsed.deferredCredentialRequest.transaction_id;
  const transaction = transactions.get(transactionId);
  if (!transaction || transaction.sessionId !== sessionId) {
    throw badRequest('invalid_transaction_id', 'unknown transaction_id (or not of this access token)');
  }
  transaction.polls += 1;
  if (transaction.polls === 1) {
    send(res, 202, issuer.createDeferredCredentialResponse({ transactionId, interval: 1 }), { 'Cache-Control': 'no-store' });
    return;
  }
  transactions.delete(transactionId);
  send(res, 200, issuer.createDeferredCredentialResponse({ credentials: transaction.credentials }), { 'Cache-Control': 'no-store' });
});

// ---------------------------------------------------------------------------------------------
// The credentials

function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

/** An Open Badges 3.0 microcredential as a VC-JWT (VCDM 1.1 vc-claim form), bound to the holder DID. */
async function issueOpenBadge(holder) {
  const now = Math.floor(Date.now() / 1000);
  const issuedAt = new Date(now * 1000);
  const expires = new Date((now + 5 * 365 * 86400) * 1000);
  const id = `urn:uuid:${randomUUID()}`;
  const alignment = (framework, code) => ({
    type: ['Alignment'],
    targetName: `${framework} niveau ${code}`,
    targetUrl: `https://europa.eu/europass/en/${framework.toLowerCase()}/${code}`,
    targetFramework: framework,
    targetCode: code,
  });
  const vc = {
    '@context': ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: {
      id: issuerDid,
      type: ['Profile'],
      name: ISSUER_NAME,
      address: { type: ['Address'], addressCountryCode: 'NL' },
    },
    issuanceDate: issuedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    expirationDate: expires.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    name: ACHIEVEMENT.title,
    credentialSubject: {
      id: holder.did,
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://badges.example.nl/achievements/hbo_microcredential',
        type: ['Achievement'],
        achievementType: 'MicroCredential',
        name: ACHIEVEMENT.title,
        description: ACHIEVEMENT.description,
        inLanguage: 'nl',
        criteria: { narrative: 'Praktijkopdracht en eindportfolio met een voldoende beoordeeld.' },
        creditsAvailable: ACHIEVEMENT.ects,
        alignment: [alignment('EQF', String(ACHIEVEMENT.eqf)), alignment('NLQF', String(ACHIEVEMENT.eqf))],
        learningOutcomes: ACHIEVEMENT.outcomes,
        assessment: { type: 'Praktijkopdracht en schriftelijk tentamen' },
        participationType: 'blended',
        qualityAssurance: 'Intern: examencommissie; extern: NVAO-accreditatie en pilot-kwaliteitskader',
        supervision: 'Gesurveilleerd tentamen met identiteitscontrole',
        integrationStackability: 'Stapelbaar binnen de minor Data Science',
        prerequisites: 'Geen',
        fieldOfStudy: 'Informatica',
      },
    },
  };
  const payload = { iss: issuerDid, sub: holder.did, jti: id, nbf: now, iat: now, exp: Math.floor(expires.getTime() / 1000), vc };
  return signJwt({ alg: 'ES256', typ: 'JWT', kid: `${issuerDid}#0` }, payload, issuerKey.privateJwk);
}

/** The EU Learning Credential as an SD-JWT VC, every claim but iss, vct, cnf and iat disclosable. */
async function issueLearningCredential(holder) {
  const sdJwtVc = new SDJwtVcInstance({
    signer: sdJwtSignerFor(issuerKey.privateJwk),
    signAlg: 'ES256',
    hasher: digest,
    hashAlg: 'sha-256',
    saltGenerator: () => generateSalt(32),
  });
  const claims = {
    iss: issuerDid,
    iat: Math.floor(Date.now() / 1000),
    vct: EU_LEARNING_CREDENTIAL_VCT,
    cnf: { jwk: holder.jwk },
    given_name: LEARNER.givenName,
    family_name: LEARNER.familyName,
    achievement_title: ACHIEVEMENT.title,
    achievement_description: ACHIEVEMENT.description,
    issuing_authority: 'Hogeschool Utrecht',
    issuing_country: 'NL',
    date_of_issuance: isoDate(new Date()),
    learning_outcomes: ACHIEVEMENT.outcomes,
    level: { eqf: ACHIEVEMENT.eqf },
    workload: { ects: ACHIEVEMENT.ects },
    assessment_grade: ACHIEVEMENT.grade,
  };
  const disclosable = Object.keys(claims).filter((name) => !['iss', 'iat', 'vct', 'cnf'].includes(name));
  return sdJwtVc.issue(claims, { _sd: disclosable }, { header: { typ: 'dc+sd-jwt', kid: `${issuerDid}#0` } });
}

// ---------------------------------------------------------------------------------------------
// Verifier: requests

const SUPPORTED_QUERY_FORMATS = ['dc+sd-jwt', 'jwt_vc_json'];

function checkDcqlQuery(dcql) {
  if (dcql === null || typeof dcql !== 'object' || !Array.isArray(dcql.credentials) || dcql.credentials.length === 0) {
    throw badRequest('invalid_request', 'dcql must be a DCQL query with a non-empty credentials array');
  }
  const ids = new Set();
  for (const query of dcql.credentials) {
    if (typeof query?.id !== 'string' || !/^[A-Za-z0-9_-]+$/.test(query.id)) {
      throw badRequest('invalid_request', 'every credential query needs an id of letters, digits, _ and -');
    }
    if (ids.has(query.id)) throw badRequest('invalid_request', `credential query id ${query.id} is repeated`);
    ids.add(query.id);
    if (!SUPPORTED_QUERY_FORMATS.includes(query.format)) {
      throw badRequest('invalid_request', `credential query ${query.id}: format must be one of ${SUPPORTED_QUERY_FORMATS.join(', ')}`);
    }
  }
}

route('POST', '/test/requests', async ({ req, res }) => {
  const body = await readJson(req);
  const { dcql, badSignature = false, clientIdMismatch = false, responseUri } = body;
  checkDcqlQuery(dcql);
  if (responseUri !== undefined && typeof responseUri !== 'string') throw badRequest('invalid_request', 'responseUri must be a string');
  const id = randomId();
  const nonce = randomId(24);
  const state = randomId(16);
  const requestUri = `${baseUrl}/requests/${id}`;
  // clientIdMismatch: a request object that is sound in itself (signed by its own client_id's
  // key) but names another client_id than the openid4vp:// URI does.
  const jarDid = clientIdMismatch === true ? rogueDid : verifierDid;
  const jarClientId = `decentralized_identifier:${jarDid}`;
  const signingKey = badSignature === true || clientIdMismatch === true ? rogueKey : verifierKey;
  const requestVerifier = signingKey === verifierKey ? verifier : new Openid4vpVerifier({
    callbacks: {
      ...callbacks,
      signJwt: async (signer, jwt) => {
        const result = await signJwtCallback([rogueKey.privateJwk])({ ...signer, didUrl: `${rogueDid}#0` }, jwt);
        // badSignature keeps the verifier's kid, so the signature does not fit the key it names.
        return { ...result, jwt: badSignature === true ? await signJwt(jwt.header, jwt.payload, rogueKey.privateJwk) : result.jwt };
      },
    },
  });
  const created = await requestVerifier.createOpenId4vpAuthorizationRequest({
    authorizationRequestPayload: {
      response_type: 'vp_token',
      client_id: jarClientId,
      response_mode: 'direct_post',
      response_uri: responseUri ?? `${baseUrl}/responses/${id}`,
      nonce,
      state,
      dcql_query: dcql,
      client_metadata: {
        vp_formats_supported: {
          'dc+sd-jwt': { 'sd-jwt_alg_values': ['ES256'], 'kb-jwt_alg_values': ['ES256'] },
          jwt_vc_json: { alg_values: ['ES256'] },
        },
      },
    },
    jar: {
      requestUri,
      jwtSigner: { method: 'did', didUrl: `${jarDid}#0`, alg: 'ES256' },
      additionalJwtPayload: { aud: SELF_ISSUED_AUDIENCE },
      expiresInSeconds: 600,
    },
  });
  const walletRequestUri = clientIdMismatch === true
    ? `openid4vp://?client_id=${encodeURIComponent(verifierClientId)}&request_uri=${encodeURIComponent(requestUri)}`
    : created.authorizationRequest;
  presentationRequests.set(id, {
    id,
    payload: created.authorizationRequestPayload,
    jwt: created.jar.authorizationRequestJwt,
    nonce,
    clientId: jarClientId,
    result: { received: false, verified: false, presented: {} },
  });
  send(res, 200, { id, requestUri: walletRequestUri, nonce, state, clientId: verifierClientId, requestObjectClientId: jarClientId });
});

route('GET', /^\/requests\/([^/]+)$/, ({ res, params }) => {
  const request = presentationRequests.get(params[0]);
  if (!request) throw new HttpError(404, 'not_found', 'no such request object');
  send(res, 200, request.jwt, { 'Content-Type': 'application/oauth-authz-req+jwt', 'Cache-Control': 'no-store' });
});

route('GET', /^\/test\/results\/([^/]+)$/, ({ res, params }) => {
  const request = presentationRequests.get(params[0]);
  if (!request) throw new HttpError(404, 'not_found', 'no such request');
  send(res, 200, request.result);
});

// ---------------------------------------------------------------------------------------------
// Verifier: responses

/** A presentation that did not verify; the response is answered 400 invalid_request. */
class Rejected extends Error {}

route('POST', /^\/responses\/([^/]+)$/, async ({ req, res, params }) => {
  const request = presentationRequests.get(params[0]);
  if (!request) throw new HttpError(404, 'not_found', 'no such request');
  if (request.result.received) throw badRequest('invalid_request', 'this request was answered already');
  const form = await readForm(req);
  const result = { received: true, verified: false, presented: {} };
  request.result = result;
  if (form.error !== undefined) {
    // The wallet's error response (OpenID4VP 1.0 section 8.5): recorded, and acknowledged.
    result.error = `wallet error: ${form.error}${form.error_description ? ` (${form.error_description})` : ''}`;
    send(res, 200, {});
    return;
  }
  try {
    result.presented = await verifyResponse(request, form);
    result.verified = true;
    send(res, 200, {});
  } catch (error) {
    if (!(error instanceof Rejected)) process.stderr.write(`unexpected error verifying response ${request.id}: ${error.stack}\n`);
    result.error = error.message;
    process.stderr.write(`response to request ${request.id} refused: ${error.message}\n`);
    send(res, 400, { error: 'invalid_request', error_description: error.message });
  }
});

async function verifyResponse(request, form) {
  let parsed;
  try {
    parsed = await verifier.parseOpenid4vpAuthorizationResponse({
      authorizationResponse: form,
      authorizationRequestPayload: request.payload,
      callbacks,
    });
  } catch (error) {
    throw new Rejected(`oid4vc-ts refused the response: ${error.message}`);
  }
  if (parsed.type !== 'dcql') throw new Rejected('the response is not a DCQL response');
  // OpenID4VP 1.0 section 8.1: each value is an array of presentations (drafts allowed a bare string).
  const raw = parseIfJson(form.vp_token);
  for (const [queryId, value] of Object.entries(raw)) {
    if (!Array.isArray(value)) throw new Rejected(`vp_token.${queryId} must be an array of presentations`);
  }
  const query = request.payload.dcql_query;
  const presentations = parsed.dcql.presentations;
  const queries = new Map(query.credentials.map((credentialQuery) => [credentialQuery.id, credentialQuery]));
  for (const queryId of Object.keys(presentations)) {
    if (!queries.has(queryId)) throw new Rejected(`vp_token has ${queryId}, which the DCQL query does not ask for`);
  }
  checkCredentialSets(query, presentations);

  const presented = {};
  for (const [queryId, entries] of Object.entries(presentations)) {
    const credentialQuery = queries.get(queryId);
    if (credentialQuery.multiple !== true && entries.length > 1) {
      throw new Rejected(`vp_token.${queryId} has ${entries.length} presentations, but the query does not allow multiple`);
    }
    presented[queryId] = [];
    for (const entry of entries) {
      if (typeof entry !== 'string') throw new Rejected(`vp_token.${queryId}: a ${credentialQuery.format} presentation must be a string`);
      const verified = credentialQuery.format === 'dc+sd-jwt'
        ? await verifySdJwtPresentation(entry, request, credentialQuery)
        : await verifyVpJwt(entry, request, credentialQuery);
      presented[queryId].push(verified);
    }
  }
  return presented;
}

/** DCQL: without credential_sets every credential query is required; with them, one option of each required set. */
function checkCredentialSets(query, presentations) {
  const present = (id) => presentations[id] !== undefined;
  if (!Array.isArray(query.credential_sets)) {
    const missing = query.credentials.map((credentialQuery) => credentialQuery.id).filter((id) => !present(id));
    if (missing.length > 0) throw new Rejected(`vp_token lacks ${missing.join(', ')}`);
    return;
  }
  query.credential_sets.forEach((set, index) => {
    if (set.required === false) return;
    if (!set.options.some((option) => option.every(present))) {
      throw new Rejected(`vp_token satisfies no option of credential_sets[${index}]`);
    }
  });
}

/**
 * The values a DCQL claims path pointer (OpenID4VP 1.0 section 7) selects: a string selects an
 * object member, null every array element, a number an array element.
 */
function selectPath(root, path) {
  let selected = [root];
  for (const component of path) {
    const next = [];
    for (const value of selected) {
      if (typeof component === 'string') {
        if (value !== null && typeof value === 'object' && !Array.isArray(value) && component in value) next.push(value[component]);
      } else if (component === null) {
        if (Array.isArray(value)) next.push(...value);
      } else if (Number.isInteger(component) && component >= 0) {
        if (Array.isArray(value) && component < value.length) next.push(value[component]);
      } else {
        throw new Rejected(`invalid claims path component ${JSON.stringify(component)}`);
      }
    }
    selected = next;
  }
  return selected;
}

/** Checks a credential's claims against a credential query's claims / claim_sets. */
function checkClaims(credentialQuery, claims) {
  const claimQueries = credentialQuery.claims;
  if (!Array.isArray(claimQueries) || claimQueries.length === 0) return;
  const satisfied = (claimQuery) => {
    const values = selectPath(claims, claimQuery.path);
    if (values.length === 0) return false;
    if (!Array.isArray(claimQuery.values)) return true;
    return values.some((value) => claimQuery.values.some((wanted) => wanted === value));
  };
  if (Array.isArray(credentialQuery.claim_sets)) {
    const byId = new Map(claimQueries.map((claimQuery) => [claimQuery.id, claimQuery]));
    if (!credentialQuery.claim_sets.some((set) => set.every((id) => byId.has(id) && satisfied(byId.get(id))))) {
      throw new Rejected(`${credentialQuery.id}: the presented claims satisfy none of the claim_sets`);
    }
    return;
  }
  for (const claimQuery of claimQueries) {
    if (!satisfied(claimQuery)) {
      throw new Rejected(`${credentialQuery.id}: claim ${JSON.stringify(claimQuery.path)} is not presented${claimQuery.values ? ' with an accepted value' : ''}`);
    }
  }
}

function checkIat(iat, what) {
  const now = Math.floor(Date.now() / 1000);
  if (typeof iat !== 'number' || iat < now - IAT_PAST_SECONDS || iat > now + IAT_FUTURE_SECONDS) {
    throw new Rejected(`${what} iat ${iat} is not within ${IAT_PAST_SECONDS}s before or ${IAT_FUTURE_SECONDS}s after now (${now})`);
  }
}

function headerOf(compact) {
  try {
    return JSON.parse(Buffer.from(compact.split('.')[0], 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * An SD-JWT VC presentation: sd-jwt-js checks the issuer signature (against this peer's issuer
 * key), digests, the KB-JWT's typ, signature (cnf.jwk), nonce and sd_hash; the glue adds typ,
 * iss, vct, the KB-JWT's aud and iat, and the DCQL meta and claims.
 */
async function verifySdJwtPresentation(presentation, request, credentialQuery) {
  const parts = presentation.split('~');
  if (parts.length < 2 || parts[parts.length - 1] === '') {
    throw new Rejected(`${credentialQuery.id}: the SD-JWT presentation has no KB-JWT (key binding is required)`);
  }
  const header = headerOf(parts[0]);
  if (header?.typ !== 'dc+sd-jwt') throw new Rejected(`${credentialQuery.id}: the SD-JWT's typ is ${header?.typ}, not dc+sd-jwt`);
  const sdJwtVc = new SDJwtVcInstance({
    hasher: digest,
    verifier: sdJwtVerifierFor(issuerKey.publicJwk),
    kbVerifier: (data, signature, payload) => {
      const holderJwk = payload?.cnf?.jwk;
      if (!holderJwk) return false;
      const kbAlg = headerOf(parts[parts.length - 1])?.alg;
      if (ALGORITHMS[kbAlg] === undefined || algorithmOf(holderJwk) !== kbAlg) return false;
      return sdJwtVerifierFor(holderJwk)(data, signature);
    },
    vctFetcher: async () => {
      throw new Error('this verifier fetches no vct type metadata');
    },
  });
  let verified;
  try {
    verified = await sdJwtVc.verify(presentation, { keyBindingNonce: request.nonce });
  } catch (error) {
    throw new Rejected(`${credentialQuery.id}: sd-jwt-js refused the presentation: ${error.message}`);
  }
  const { payload, kb } = verified;
  if (payload.iss !== issuerDid) throw new Rejected(`${credentialQuery.id}: issued by ${payload.iss}, not by this peer's issuer`);
  if (!kb) throw new Rejected(`${credentialQuery.id}: no key binding`);
  if (kb.payload.aud !== request.clientId) {
    throw new Rejected(`${credentialQuery.id}: KB-JWT aud ${JSON.stringify(kb.payload.aud)} is not the client_id ${request.clientId}`);
  }
  checkIat(kb.payload.iat, `${credentialQuery.id}: KB-JWT`);
  const vctValues = credentialQuery.meta?.vct_values;
  if (Array.isArray(vctValues) && !vctValues.includes(payload.vct)) {
    throw new Rejected(`${credentialQuery.id}: vct ${payload.vct} is not one of ${vctValues.join(', ')}`);
  }
  checkClaims(credentialQuery, payload);
  const { _sd, _sd_alg, ...claims } = payload;
  return { format: 'dc+sd-jwt', claims };
}

/** The compact VC-JWTs in a VP: compact strings, or VC 2.0 EnvelopedVerifiableCredential data URLs. */
function credentialJwtsOf(vp) {
  const list = vp.verifiableCredential === undefined ? [] : [].concat(vp.verifiableCredential);
  return list.map((entry) => {
    if (typeof entry === 'string') return entry;
    const types = [].concat(entry?.type ?? []);
    if (types.includes('EnvelopedVerifiableCredential') && typeof entry.id === 'string') {
      const match = /^data:application\/(vc\+jwt|jwt)(;[^,]*)?,(.+)$/.exec(entry.id);
      if (match) return match[3];
    }
    throw new Rejected('verifiableCredential holds something that is neither a VC-JWT nor an EnvelopedVerifiableCredential data URL');
  });
}

/**
 * A jwt_vc_json presentation: a VP JWT signed by the holder (did:jwk / did:key), aud the client_id
 * and nonce the request's, each credential a VC-JWT from this peer's issuer about that holder.
 */
async function verifyVpJwt(presentation, request, credentialQuery) {
  const header = headerOf(presentation);
  if (!header) throw new Rejected(`${credentialQuery.id}: the presentation is not a JWT`);
  if (header.typ !== undefined && !['vp+jwt', 'JWT'].includes(header.typ)) {
    throw new Rejected(`${credentialQuery.id}: VP JWT typ ${header.typ} is not vp+jwt or JWT`);
  }
  let payload;
  try {
    payload = jose.decodeJwt(presentation);
  } catch (error) {
    throw new Rejected(`${credentialQuery.id}: the VP JWT does not decode: ${error.message}`);
  }
  const vp = payload.vp ?? payload;
  const holderCandidates = [header.kid, payload.iss, vp.holder].filter((value) => typeof value === 'string').map(didOf);
  if (holderCandidates.length === 0) throw new Rejected(`${credentialQuery.id}: the VP JWT names no holder (kid, iss or holder)`);
  const holderDid = holderCandidates[0];
  if (!holderCandidates.every((did) => did === holderDid)) {
    throw new Rejected(`${credentialQuery.id}: kid, iss and holder of the VP JWT name different DIDs`);
  }
  let holderJwk;
  try {
    holderJwk = jwkOfDid(holderDid);
  } catch (error) {
    throw new Rejected(`${credentialQuery.id}: ${error.message}`);
  }
  if (ALGORITHMS[header.alg] === undefined || !await verifySignature(presentation, holderJwk, header.alg)) {
    throw new Rejected(`${credentialQuery.id}: the VP JWT's signature does not verify with ${holderDid}`);
  }
  try {
    await jose.jwtVerify(presentation, await jose.importJWK(holderJwk, header.alg), { audience: request.clientId, algorithms: [header.alg] });
  } catch (error) {
    throw new Rejected(`${credentialQuery.id}: VP JWT: ${error.message} (aud must be the client_id ${request.clientId})`);
  }
  if (payload.nonce !== request.nonce) throw new Rejected(`${credentialQuery.id}: VP JWT nonce ${JSON.stringify(payload.nonce)} is not the request's`);
  if (payload.iat !== undefined) checkIat(payload.iat, `${credentialQuery.id}: VP JWT`);
  if (![].concat(vp.type ?? []).includes('VerifiablePresentation')) {
    throw new Rejected(`${credentialQuery.id}: the VP's type does not include VerifiablePresentation`);
  }
  const jwts = credentialJwtsOf(vp);
  if (jwts.length === 0) throw new Rejected(`${credentialQuery.id}: the VP holds no credential`);
  const credentials = [];
  for (const jwt of jwts) {
    let verified;
    try {
      verified = await jose.jwtVerify(jwt, await jose.importJWK(issuerKey.publicJwk, 'ES256'), { issuer: issuerDid, algorithms: ['ES256'] });
    } catch (error) {
      throw new Rejected(`${credentialQuery.id}: a credential in the VP does not verify against this peer's issuer: ${error.message}`);
    }
    const vc = verified.payload.vc ?? verified.payload;
    const subjectId = [].concat(vc.credentialSubject ?? [])[0]?.id ?? verified.payload.sub;
    if (subjectId !== holderDid) throw new Rejected(`${credentialQuery.id}: a credential is about ${subjectId}, not the presenting holder ${holderDid}`);
    credentials.push(vc);
  }
  const typeValues = credentialQuery.meta?.type_values;
  const matching = credentials.filter((vc) => !Array.isArray(typeValues)
    || typeValues.some((wanted) => wanted.every((type) => [].concat(vc.type ?? []).includes(type))));
  if (matching.length === 0) throw new Rejected(`${credentialQuery.id}: no credential has the types ${JSON.stringify(typeValues)}`);
  checkClaims(credentialQuery, matching[0]);
  return { format: 'jwt_vc_json', claims: [].concat(matching[0].credentialSubject ?? [])[0] ?? {} };
}

// ---------------------------------------------------------------------------------------------
// Server

const server = http.createServer((req, res) => {
  const started = Date.now();
  handle(req, res).then(
    () => log(req, res.statusCode, started),
    (error) => {
      const httpError = error instanceof HttpError ? error : fromLibraryError(error);
      // Logged before answering, so that a test that reads our stderr after the answer finds the reason.
      if (httpError instanceof HttpError) {
        log(req, httpError.status, started, `${httpError.body.error}: ${httpError.body.error_description ?? ''}`);
        if (!res.headersSent) send(res, httpError.status, httpError.body, { 'Cache-Control': 'no-store', ...httpError.headers });
      } else {
        process.stderr.write(`${req.method} ${req.url} failed: ${error?.stack ?? error}\n`);
        log(req, 500, started);
        if (!res.headersSent) send(res, 500, { error: 'server_error', error_description: String(error?.message ?? error) });
      }
    },
  );
});

function log(req, status, started, detail) {
  const path = req.url.split('?')[0];
  process.stderr.write(`${req.method} ${path} ${status} ${Date.now() - started}ms${detail ? ` ${detail}` : ''}\n`);
}

server.listen(PORT, '127.0.0.1', () => {
  const { port } = server.address();
  baseUrl = `http://127.0.0.1:${port}`;
  buildMetadata();
  process.stdout.write(`${JSON.stringify({ port })}\n`);
});

// Nothing is persisted, so there is nothing to finish: open keep-alive connections do not hold us up.
const stop = () => process.exit(0);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
if (args.includes('--exit-on-stdin-close')) {
  // The Java side holds our stdin open; when it goes away (even without closing us), so do we.
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
}
