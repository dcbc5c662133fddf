// Drives every flow of a running peer.mjs with oid4vc-ts's own wallet side (Openid4vciClient,
// Openid4vpClient) and sd-jwt-js's present, so the peer is known to work before any Java wallet
// talks to it.
//
// Usage: node selftest.mjs http://127.0.0.1:PORT
// Prints one line per check and a closing "selftest: N passed, M failed"; exits 0 only when all passed.
import {
  Oauth2ClientErrorResponseError,
  clientAuthenticationAnonymous,
  clientAuthenticationNone,
  setGlobalConfig,
} from '@openid4vc/oauth2';
import { Openid4vciClient, Openid4vciRetrieveCredentialsError } from '@openid4vc/openid4vci';
import { Openid4vpClient } from '@openid4vc/openid4vp';
import { digest } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import * as jose from 'jose';
import {
  didJwkOf, generateKey, generateRandom, hash, sdJwtSignerFor, sdJwtVerifierFor, signJwt, signJwtCallback, verifyJwtCallback,
} from './keys.mjs';

setGlobalConfig({ allowInsecureUrls: true });

const baseUrl = process.argv[2];
if (!baseUrl) {
  process.stderr.write('usage: node selftest.mjs http://127.0.0.1:PORT\n');
  process.exit(2);
}

const CLIENT_ID = 'learner-wallet-selftest';
const REDIRECT_URI = 'http://127.0.0.1:7/callback';
const OPENBADGE = 'OpenBadgeCredential_jwt';
const LEARNING = 'EuLearningCredential_sdjwt';

/** The holder's keys: a P-256 and an Ed25519 one. */
const holderEs256 = generateKey('ES256');
const holderEdDsa = generateKey('EdDSA');
const holderDid = didJwkOf(holderEs256.publicJwk);

const baseCallbacks = {
  hash,
  generateRandom,
  signJwt: signJwtCallback([holderEs256.privateJwk, holderEdDsa.privateJwk]),
  verifyJwt: verifyJwtCallback,
  fetch,
  encryptJwe: () => { throw new Error('not supported'); },
  decryptJwe: () => { throw new Error('not supported'); },
};
/** Pre-authorized code flow: anonymous access to the token endpoint. */
const anonymousClient = new Openid4vciClient({ callbacks: { ...baseCallbacks, clientAuthentication: clientAuthenticationAnonymous() } });
/** Authorization code flow: a public client with a client_id. */
const publicClient = new Openid4vciClient({ callbacks: { ...baseCallbacks, clientAuthentication: clientAuthenticationNone({ clientId: CLIENT_ID }) } });
const vpClient = new Openid4vpClient({ callbacks: baseCallbacks });

let passed = 0;
let failed = 0;

async function check(name, body) {
  const started = Date.now();
  try {
    await body();
    passed += 1;
    process.stdout.write(`ok   ${name} (${Date.now() - started} ms)\n`);
  } catch (error) {
    failed += 1;
    process.stdout.write(`FAIL ${name}: ${error?.stack ?? error}\n`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}

function equal(actual, expected, what) {
  assert(JSON.stringify(actual) === JSON.stringify(expected), `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

async function control(path, body) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Expects a promise to fail with an OAuth error code (from the client's error types). */
async function expectOauthError(promise, code) {
  let error;
  try {
    await promise;
  } catch (caught) {
    error = caught;
  }
  assert(error !== undefined, `expected the call to fail with ${code}`);
  let actual;
  if (error instanceof Oauth2ClientErrorResponseError) actual = error.errorResponse.error;
  else if (error instanceof Openid4vciRetrieveCredentialsError) {
    const { credentialErrorResponseResult, deferredCredentialErrorResponseResult } = error.response;
    actual = (credentialErrorResponseResult ?? deferredCredentialErrorResponseResult)?.data?.error;
  }
  assert(actual === code, `expected error ${code}, got ${actual ?? error.message}`);
}

const keys = await control('/test/keys');

/** Resolves an offer URI and the issuer's metadata with Openid4vciClient. */
async function resolve(offerUri) {
  const credentialOffer = await anonymousClient.resolveCredentialOffer(offerUri);
  const issuerMetadata = await anonymousClient.resolveIssuerMetadata(credentialOffer.credential_issuer);
  return { credentialOffer, issuerMetadata };
}

/** A jwt proof with a fresh c_nonce; signer 'did' (did:jwk kid) or 'jwk'. */
async function proof(issuerMetadata, configurationId, { method = 'jwk', key = holderEs256, nonce, clientId } = {}) {
  const cNonce = nonce ?? (await anonymousClient.requestNonce({ issuerMetadata })).c_nonce;
  const alg = key === holderEdDsa ? 'EdDSA' : 'ES256';
  const signer = method === 'did'
    ? { method: 'did', didUrl: `${didJwkOf(key.publicJwk)}#0`, alg }
    : { method: 'jwk', publicJwk: key.publicJwk, alg };
  const { jwt } = await anonymousClient.createCredentialRequestJwtProof({
    issuerMetadata, credentialConfigurationId: configurationId, signer, nonce: cNonce, clientId,
  });
  return { jwt, cNonce };
}

async function retrieve(client, issuerMetadata, accessToken, configurationId, proofOptions) {
  const { jwt } = await proof(issuerMetadata, configurationId, proofOptions);
  const { credentialResponse } = await client.retrieveCredentials({
    issuerMetadata, accessToken, credentialConfigurationId: configurationId, proofs: { jwt: [jwt] },
  });
  return credentialResponse;
}

async function checkOpenBadge(credential, expectedHolderDid) {
  const { payload, protectedHeader } = await jose.jwtVerify(credential, await jose.importJWK(keys.issuerPublicJwk, 'ES256'), { issuer: keys.issuerDid });
  equal(protectedHeader.kid, `${keys.issuerDid}#0`, 'VC-JWT kid');
  equal(payload.sub, expectedHolderDid, 'VC-JWT sub');
  equal(payload.vc.credentialSubject.id, expectedHolderDid, 'credentialSubject.id');
  equal(payload.vc.type, ['VerifiableCredential', 'OpenBadgeCredential'], 'vc.type');
  equal(payload.vc.credentialSubject.achievement.achievementType, 'MicroCredential', 'achievementType');
}

async function checkLearningCredential(credential, holderJwk) {
  const sdJwtVc = new SDJwtVcInstance({ hasher: digest, verifier: sdJwtVerifierFor(keys.issuerPublicJwk) });
  const { header, payload } = await sdJwtVc.verify(credential);
  equal(header.typ, 'dc+sd-jwt', 'SD-JWT typ');
  equal(payload.vct, 'urn:eu.europa.ec.eudi:learning:credential:1', 'vct');
  equal(payload.cnf.jwk, holderJwk, 'cnf.jwk');
  equal(payload.level, { eqf: 6 }, 'level');
  equal(payload.workload, { ects: 5 }, 'workload');
  const disclosed = (await sdJwtVc.decode(credential)).disclosures.map((disclosure) => disclosure.key).sort();
  equal(disclosed, ['achievement_description', 'achievement_title', 'assessment_grade', 'date_of_issuance', 'family_name',
    'given_name', 'issuing_authority', 'issuing_country', 'learning_outcomes', 'level', 'workload'], 'disclosable claims');
}

/** The authorization code flow up to the access token, following the peer's redirect. */
async function authorize(credentialOffer, issuerMetadata, { scope, authorizationDetails }) {
  const { authorizationRequestUrl, pkce } = await publicClient.createAuthorizationRequestUrlFromOffer({
    clientId: CLIENT_ID,
    credentialOffer,
    issuerMetadata,
    scope,
    redirectUri: REDIRECT_URI,
    additionalRequestPayload: authorizationDetails ? { authorization_details: JSON.stringify(authorizationDetails) } : undefined,
  });
  const redirect = await fetch(authorizationRequestUrl, { redirect: 'manual' });
  equal(redirect.status, 302, '/authorize status');
  const location = redirect.headers.get('location');
  assert(location.startsWith(REDIRECT_URI), `redirected to ${location}`);
  const authorizationResponse = publicClient.parseAndVerifyAuthorizationResponseRedirectUrl({
    authorizationServerMetadata: issuerMetadata.authorizationServers[0],
    url: location,
  });
  assert(authorizationResponse.code, `no code in ${location}`);
  return publicClient.retrieveAuthorizationCodeAccessTokenFromOffer({
    credentialOffer,
    issuerMetadata,
    authorizationCode: authorizationResponse.code,
    pkceCodeVerifier: pkce.codeVerifier,
    redirectUri: REDIRECT_URI,
  });
}

let openBadge;
let learningCredential;

await check('pre-authorized code, by value, no tx_code: an Open Badge bound to a did:jwk', async () => {
  const { offerUri } = await control('/test/offers', { configurationIds: [OPENBADGE], grant: 'pre-authorized_code' });
  const { credentialOffer, issuerMetadata } = await resolve(offerUri);
  const { accessTokenResponse } = await anonymousClient.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata });
  const response = await retrieve(anonymousClient, issuerMetadata, accessTokenResponse.access_token, OPENBADGE, { method: 'did' });
  openBadge = response.credentials[0].credential;
  await checkOpenBadge(openBadge, holderDid);
});

await check('pre-authorized code, by reference, with tx_code: wrong code refused, then an SD-JWT VC', async () => {
  const { offerUri, offer } = await control('/test/offers', {
    configurationIds: [LEARNING, OPENBADGE], grant: 'pre-authorized_code', txCode: '493536', byReference: true,
  });
  assert(offerUri.startsWith('openid-credential-offer://?credential_offer_uri='), 'offer by reference');
  const { credentialOffer, issuerMetadata } = await resolve(offerUri);
  equal(credentialOffer, offer, 'offer fetched by reference');
  equal(credentialOffer.grants['urn:ietf:params:oauth:grant-type:pre-authorized_code'].tx_code.input_mode, 'numeric', 'tx_code input_mode');
  await expectOauthError(anonymousClient.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata, txCode: '000000' }), 'invalid_grant');
  const { accessTokenResponse } = await anonymousClient.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata, txCode: '493536' });
  const response = await retrieve(anonymousClient, issuerMetadata, accessTokenResponse.access_token, LEARNING, { method: 'jwk' });
  learningCredential = response.credentials[0].credential;
  await checkLearningCredential(learningCredential, holderEs256.publicJwk);
  // The pre-authorized code was exchanged once; a second exchange is refused.
  await expectOauthError(anonymousClient.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata, txCode: '493536' }), 'invalid_grant');
});

await check('c_nonce: a second proof with a used c_nonce is refused with invalid_nonce', async () => {
  const { offerUri } = await control('/test/offers', { configurationIds: [OPENBADGE], grant: 'pre-authorized_code' });
  const { credentialOffer, issuerMetadata } = await resolve(offerUri);
  const { accessTokenResponse } = await anonymousClient.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata });
  const { c_nonce: nonce } = await anonymousClient.requestNonce({ issuerMetadata });
  await retrieve(anonymousClient, issuerMetadata, accessTokenResponse.access_token, OPENBADGE, { nonce });
  await expectOauthError(retrieve(anonymousClient, issuerMetadata, accessTokenResponse.access_token, OPENBADGE, { nonce }), 'invalid_nonce');
  await expectOauthError(retrieve(anonymousClient, issuerMetadata, accessTokenResponse.access_token, OPENBADGE, { nonce: 'made-up' }), 'invalid_nonce');
});

await check('authorization code with PKCE and scope: an Open Badge bound to an Ed25519 jwk', async () => {
  const { offerUri } = await control('/test/offers', { configurationIds: [OPENBADGE, LEARNING], grant: 'authorization_code' });
  const { credentialOffer, issuerMetadata } = await resolve(offerUri);
  const { accessTokenResponse } = await authorize(credentialOffer, issuerMetadata, { scope: 'openbadge' });
  const response = await retrieve(publicClient, issuerMetadata, accessTokenResponse.access_token, OPENBADGE, { key: holderEdDsa, clientId: CLIENT_ID });
  await checkOpenBadge(response.credentials[0].credential, didJwkOf(holderEdDsa.publicJwk));
  // The scope did not cover the other configuration.
  await expectOauthError(retrieve(publicClient, issuerMetadata, accessTokenResponse.access_token, LEARNING), 'invalid_credential_request');
});

await check('authorization code with authorization_details: credential_identifier from the token response', async () => {
  const { offerUri } = await control('/test/offers', { configurationIds: [LEARNING], grant: 'authorization_code' });
  const { credentialOffer, issuerMetadata } = await resolve(offerUri);
  const { accessTokenResponse } = await authorize(credentialOffer, issuerMetadata, {
    authorizationDetails: [{ type: 'openid_credential', credential_configuration_id: LEARNING }],
  });
  const [detail] = accessTokenResponse.authorization_details;
  equal(detail.credential_configuration_id, LEARNING, 'authorization_details in the token response');
  // oid4vc-ts 0.4.6's client sends credential_configuration_id only; with authorization_details
  // the peer wants credential_identifier, so the client is refused ...
  await expectOauthError(retrieve(publicClient, issuerMetadata, accessTokenResponse.access_token, LEARNING), 'invalid_credential_request');
  // ... and the request is made by hand with the identifier.
  const { jwt } = await proof(issuerMetadata, LEARNING);
  const response = await fetch(issuerMetadata.credentialIssuer.credential_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessTokenResponse.access_token}` },
    body: JSON.stringify({ credential_identifier: detail.credential_identifiers[0], proofs: { jwt: [jwt] } }),
  });
  const body = await response.json();
  equal(response.status, 200, `credential endpoint status (${JSON.stringify(body)})`);
  await checkLearningCredential(body.credentials[0].credential, holderEs256.publicJwk);
});

await check('deferred issuance: 202 with transaction_id, then pending once, then the credential', async () => {
  const { offerUri } = await control('/test/offers', { configurationIds: [LEARNING], grant: 'pre-authorized_code', deferred: true });
  const { credentialOffer, issuerMetadata } = await resolve(offerUri);
  const { accessTokenResponse } = await anonymousClient.retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata });
  const accessToken = accessTokenResponse.access_token;
  const first = await retrieve(anonymousClient, issuerMetadata, accessToken, LEARNING);
  assert(first.transaction_id && first.interval === 1 && !first.credentials, `expected a transaction, got ${JSON.stringify(first)}`);
  const pending = await anonymousClient.retrieveDeferredCredentials({ issuerMetadata, accessToken, transactionId: first.transaction_id });
  equal(pending.response.status, 202, 'first deferred poll status');
  equal(pending.deferredCredentialResponse, { transaction_id: first.transaction_id, interval: 1 }, 'first deferred poll');
  const done = await anonymousClient.retrieveDeferredCredentials({ issuerMetadata, accessToken, transactionId: first.transaction_id });
  equal(done.response.status, 200, 'second deferred poll status');
  await checkLearningCredential(done.deferredCredentialResponse.credentials[0].credential, holderEs256.publicJwk);
  await expectOauthError(anonymousClient.retrieveDeferredCredentials({ issuerMetadata, accessToken, transactionId: 'unknown' }), 'invalid_transaction_id');
});

await check('offer for an unknown configuration is made (for the wallet\'s bad-input tests)', async () => {
  const { offer } = await control('/test/offers', { configurationIds: ['NoSuchCredential'], grant: 'pre-authorized_code' });
  equal(offer.credential_configuration_ids, ['NoSuchCredential'], 'offer configuration ids');
});

/** Resolves an openid4vp:// request with Openid4vpClient (fetching and verifying the signed request object). */
async function resolveRequest(requestUri) {
  const parsed = vpClient.parseOpenid4vpAuthorizationRequest({ authorizationRequest: requestUri });
  return vpClient.resolveOpenId4vpAuthorizationRequest({ authorizationRequestPayload: parsed.params, responseMode: { type: 'direct_post' } });
}

async function presentSdJwt(credential, frame, { aud, nonce }) {
  const sdJwtVc = new SDJwtVcInstance({ hasher: digest, kbSigner: sdJwtSignerFor(holderEs256.privateJwk), kbSignAlg: 'ES256' });
  return sdJwtVc.present(credential, frame, { kb: { payload: { aud, nonce, iat: Math.floor(Date.now() / 1000) } } });
}

async function answer(resolved, vpToken) {
  const { authorizationResponsePayload } = await vpClient.createOpenid4vpAuthorizationResponse({
    authorizationRequestPayload: resolved.authorizationRequestPayload,
    authorizationResponsePayload: { vp_token: vpToken },
  });
  return vpClient.submitOpenid4vpAuthorizationResponse({
    authorizationRequestPayload: resolved.authorizationRequestPayload,
    authorizationResponsePayload,
  });
}

const learningQuery = {
  credentials: [{
    id: 'learning',
    format: 'dc+sd-jwt',
    meta: { vct_values: ['urn:eu.europa.ec.eudi:learning:credential:1'] },
    claims: [{ path: ['given_name'] }, { path: ['achievement_title'] }, { path: ['level', 'eqf'] }],
  }],
};

await check('OpenID4VP: a signed request by reference, answered with an SD-JWT presentation, verifies', async () => {
  const request = await control('/test/requests', { dcql: learningQuery });
  const resolved = await resolveRequest(request.requestUri);
  equal(resolved.client.prefix, 'decentralized_identifier', 'client_id prefix');
  equal(resolved.authorizationRequestPayload.client_id, `decentralized_identifier:${keys.verifierDid}`, 'client_id');
  equal(resolved.jar.jwt.header.kid, `${keys.verifierDid}#0`, 'request object kid');
  equal(resolved.jar.jwt.header.typ, 'oauth-authz-req+jwt', 'request object typ');
  equal(resolved.jar.jwt.payload.aud, 'https://self-issued.me/v2', 'request object aud');
  const payload = resolved.authorizationRequestPayload;
  const presentation = await presentSdJwt(learningCredential, { given_name: true, achievement_title: true, level: true },
    { aud: payload.client_id, nonce: payload.nonce });
  const submitted = await answer(resolved, { learning: [presentation] });
  equal(submitted.response.status, 200, `response_uri status (${await submitted.response.clone().text()})`);
  const result = await control(`/test/results/${request.id}`);
  equal(result.received, true, 'received');
  equal(result.verified, true, `verified (${result.error})`);
  equal(result.presented.learning[0].format, 'dc+sd-jwt', 'presented format');
  equal(result.presented.learning[0].claims.given_name, 'Sanne', 'presented given_name');
  assert(result.presented.learning[0].claims.family_name === undefined, 'family_name not disclosed');
});

await check('OpenID4VP: a KB-JWT with the wrong aud is refused and recorded', async () => {
  const request = await control('/test/requests', { dcql: learningQuery });
  const resolved = await resolveRequest(request.requestUri);
  const presentation = await presentSdJwt(learningCredential, { given_name: true, achievement_title: true, level: true },
    { aud: 'https://someone-else.example', nonce: resolved.authorizationRequestPayload.nonce });
  const submitted = await answer(resolved, { learning: [presentation] });
  equal(submitted.response.status, 400, 'response_uri status');
  const result = await control(`/test/results/${request.id}`);
  equal([result.received, result.verified], [true, false], 'received, not verified');
  assert(/aud/.test(result.error), `error names aud: ${result.error}`);
});

await check('OpenID4VP: a withheld requested claim is refused', async () => {
  const request = await control('/test/requests', { dcql: learningQuery });
  const resolved = await resolveRequest(request.requestUri);
  const presentation = await presentSdJwt(learningCredential, { given_name: true },
    { aud: resolved.authorizationRequestPayload.client_id, nonce: resolved.authorizationRequestPayload.nonce });
  const submitted = await answer(resolved, { learning: [presentation] });
  equal(submitted.response.status, 400, 'response_uri status');
});

await check('OpenID4VP: a VP JWT with the Open Badge (jwt_vc_json) verifies', async () => {
  const request = await control('/test/requests', {
    dcql: {
      credentials: [{
        id: 'badge',
        format: 'jwt_vc_json',
        meta: { type_values: [['VerifiableCredential', 'OpenBadgeCredential']] },
        claims: [{ path: ['credentialSubject', 'achievement', 'name'] }],
      }],
    },
  });
  const resolved = await resolveRequest(request.requestUri);
  const payload = resolved.authorizationRequestPayload;
  const now = Math.floor(Date.now() / 1000);
  const vpJwt = await signJwt({ alg: 'ES256', typ: 'JWT', kid: `${holderDid}#0` }, {
    iss: holderDid,
    aud: payload.client_id,
    nonce: payload.nonce,
    iat: now,
    exp: now + 300,
    vp: {
      '@context': ['https://www.w3.org/2018/credentials/v1'],
      type: ['VerifiablePresentation'],
      verifiableCredential: [openBadge],
    },
  }, holderEs256.privateJwk);
  const submitted = await answer(resolved, { badge: [vpJwt] });
  equal(submitted.response.status, 200, `response_uri status (${await submitted.response.clone().text()})`);
  const result = await control(`/test/results/${request.id}`);
  equal(result.verified, true, `verified (${result.error})`);
  equal(result.presented.badge[0].claims.achievement.name, 'Data-analyse met Python', 'presented achievement name');
});

await check('OpenID4VP: a VC 2.0 style VP JWT with an EnvelopedVerifiableCredential verifies', async () => {
  const request = await control('/test/requests', {
    dcql: { credentials: [{ id: 'badge', format: 'jwt_vc_json', claims: [{ path: ['credentialSubject', 'achievement', 'achievementType'], values: ['MicroCredential'] }] }] },
  });
  const resolved = await resolveRequest(request.requestUri);
  const payload = resolved.authorizationRequestPayload;
  const vpJwt = await signJwt({ alg: 'ES256', typ: 'vp+jwt', kid: `${holderDid}#0` }, {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiablePresentation'],
    holder: holderDid,
    aud: payload.client_id,
    nonce: payload.nonce,
    iat: Math.floor(Date.now() / 1000),
    verifiableCredential: [{ '@context': ['https://www.w3.org/ns/credentials/v2'], type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${openBadge}` }],
  }, holderEs256.privateJwk);
  const submitted = await answer(resolved, { badge: [vpJwt] });
  equal(submitted.response.status, 200, `response_uri status (${await submitted.response.clone().text()})`);
  equal((await control(`/test/results/${request.id}`)).verified, true, 'verified');
});

await check('OpenID4VP: oid4vc-ts\'s wallet refuses a request object with a bad signature', async () => {
  const request = await control('/test/requests', { dcql: learningQuery, badSignature: true });
  let error;
  await resolveRequest(request.requestUri).catch((caught) => { error = caught; });
  assert(error !== undefined, 'resolving should fail');
});

await check('OpenID4VP: oid4vc-ts\'s wallet refuses a request object whose client_id is not the URI\'s', async () => {
  const request = await control('/test/requests', { dcql: learningQuery, clientIdMismatch: true });
  let error;
  await resolveRequest(request.requestUri).catch((caught) => { error = caught; });
  assert(error !== undefined && /client_id/.test(error.message), `resolving should fail on client_id: ${error?.message}`);
});

process.stdout.write(`selftest: ${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
