// Verifies an SD-JWT VC presentation with sd-jwt-js, offline: it fetches neither status lists nor
// vct type metadata.
//
// stdin:  {"presentation": "<compact, with or without KB-JWT>", "issuerPublicJwk": {...},
//          "alg": "ES256" | "EdDSA", "requireKeyBinding": true | false,
//          "aud": "...", "nonce": "...", "requiredClaimKeys": ["given_name", "address.street"],
//          "currentDate": 1782820800, "skewSeconds": 0, "statusLists": {"<uri>": "<status list JWT>"}}
//         (alg defaults to the key's; aud, nonce, requiredClaimKeys, currentDate (default now),
//          skewSeconds and statusLists are optional)
// stdout, exit 0: {"verified": true, "header": {...}, "payload": {...disclosed claims...},
//                  "keyBinding": {"aud", "nonce", "iat", "sd_hash", ...} | null}
// stdout, exit 1: {"verified": false, "rejectedBy": "sd-jwt-js" | "verify.mjs", "error": "..."}
// stderr, exit 2: the request was unusable (see common.mjs)
//
// sd-jwt-js checks the issuer signature, iat/nbf/exp, digests, requiredClaimKeys, and for the
// KB-JWT its typ, signature, nonce and sd_hash. This script adds what RFC 9901 and this test
// suite need and the library leaves out (see README.md): the header alg, the KB-JWT's aud,
// every disclosure referenced exactly once with no claim name clash, and a KB-JWT that is
// present is verified even when not required.
import { digest } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import {
  algorithmFor, algorithmOf, BadRequest, headerOf, main, optionalField, payloadOf, requireField, verifierFor,
} from './common.mjs';

/** A check of this script (not of sd-jwt-js) that failed. */
class CheckFailed extends Error {}

await main(async (request) => {
  const presentation = requireField(request, 'presentation', 'string');
  const issuerPublicJwk = requireField(request, 'issuerPublicJwk', 'object');
  const alg = algorithmFor(issuerPublicJwk, optionalField(request, 'alg', 'string'));
  const requireKeyBinding = requireField(request, 'requireKeyBinding', 'boolean');
  const aud = optionalField(request, 'aud', 'string');
  const nonce = optionalField(request, 'nonce', 'string');
  const requiredClaimKeys = optionalField(request, 'requiredClaimKeys', 'array');
  const currentDate = optionalField(request, 'currentDate', 'number');
  const skewSeconds = optionalField(request, 'skewSeconds', 'number');
  const statusLists = optionalField(request, 'statusLists', 'object') ?? {};

  try {
    const result = await verify({
      presentation, issuerPublicJwk, alg, requireKeyBinding, aud, nonce, requiredClaimKeys, currentDate, skewSeconds, statusLists,
    });
    process.stdout.write(`${JSON.stringify({ verified: true, ...result })}\n`);
  } catch (error) {
    if (error instanceof BadRequest) throw error;
    const rejectedBy = error instanceof CheckFailed ? 'verify.mjs' : 'sd-jwt-js';
    process.stdout.write(`${JSON.stringify({ verified: false, rejectedBy, error: String(error.message ?? error) })}\n`);
    process.exitCode = 1;
  }
});

async function verify(request) {
  const parts = request.presentation.split('~');
  const kbJwt = parts.length > 1 ? parts[parts.length - 1] : '';
  const verifyKeyBinding = request.requireKeyBinding || kbJwt !== '';

  const sdJwtVc = new SDJwtVcInstance({
    hasher: digest,
    verifier: verifierFor(request.issuerPublicJwk, request.alg),
    kbVerifier: holderKeyVerifier(kbJwt),
    statusListFetcher: async (uri) => {
      if (typeof request.statusLists[uri] === 'string') return request.statusLists[uri];
      throw new BadRequest(`the credential has status list ${uri}: pass its JWT in "statusLists" (this script fetches nothing)`);
    },
    vctFetcher: async (vct) => {
      throw new BadRequest(`vct metadata for ${vct} asked for; this script fetches nothing`);
    },
  });

  const options = {};
  if (request.currentDate !== undefined) options.currentDate = request.currentDate;
  if (request.skewSeconds !== undefined) options.skewSeconds = request.skewSeconds;
  if (request.requiredClaimKeys !== undefined) options.requiredClaimKeys = request.requiredClaimKeys;
  if (verifyKeyBinding) {
    // sd-jwt-js verifies the KB-JWT only when given a nonce, and then compares it. Without a nonce
    // in the request, hand it the KB-JWT's own so that signature and sd_hash are still checked.
    options.keyBindingNonce = request.nonce ?? payloadOf(kbJwt)?.nonce ?? '(no nonce in the KB-JWT)';
  }

  const { header, payload, kb } = await sdJwtVc.verify(request.presentation, options);

  if (header.alg !== request.alg) {
    throw new CheckFailed(`the issuer-signed JWT says alg ${header.alg}, expected ${request.alg}`);
  }
  checkDisclosures(request.presentation);
  if (kb) {
    if (request.aud !== undefined && kb.payload.aud !== request.aud) {
      throw new CheckFailed(`KB-JWT aud ${JSON.stringify(kb.payload.aud)} is not ${JSON.stringify(request.aud)}`);
    }
    if (request.nonce !== undefined && kb.payload.nonce !== request.nonce) {
      throw new CheckFailed(`KB-JWT nonce ${JSON.stringify(kb.payload.nonce)} is not ${JSON.stringify(request.nonce)}`);
    }
  }
  return { header, payload, keyBinding: kb ? kb.payload : null };
}

/**
 * sd-jwt-js's kbVerifier gets the credential's disclosed claims, not a key: the holder key is
 * the credential's cnf.jwk, and the KB-JWT's alg must be the one that key signs with.
 */
function holderKeyVerifier(kbJwt) {
  return (data, signature, payload) => {
    const holderJwk = payload?.cnf?.jwk;
    if (holderJwk === null || typeof holderJwk !== 'object') {
      throw new CheckFailed('the credential has no cnf.jwk to verify the KB-JWT with');
    }
    let holderAlg;
    try {
      holderAlg = algorithmOf(holderJwk);
    } catch (error) {
      throw new CheckFailed(`cnf.jwk: ${error.message}`);
    }
    const kbAlg = headerOf(kbJwt)?.alg;
    if (kbAlg !== holderAlg) {
      throw new CheckFailed(`the KB-JWT says alg ${kbAlg}, but cnf.jwk is a ${holderJwk.crv} key (${holderAlg})`);
    }
    return verifierFor(holderJwk, holderAlg)(data, signature);
  };
}

/**
 * RFC 9901 section 7.1: every disclosure must be referenced by exactly one digest, digests must
 * not repeat, and a disclosed claim name must not be _sd or ... nor one already at its level.
 * sd-jwt-js 0.19 ignores an unreferenced disclosure and lets a disclosed claim overwrite one in
 * the clear, so a tampered disclosure without a KB-JWT would otherwise pass with the claim missing.
 */
function checkDisclosures(presentation) {
  const parts = presentation.split('~');
  const issuerJwt = parts[0];
  const encodedDisclosures = parts.slice(1, -1);
  const payload = payloadOf(issuerJwt);
  const hashAlg = typeof payload._sd_alg === 'string' ? payload._sd_alg : 'sha-256';

  const disclosures = new Map();
  for (const encoded of encodedDisclosures) {
    const digestOfDisclosure = Buffer.from(digest(encoded, hashAlg)).toString('base64url');
    if (disclosures.has(digestOfDisclosure)) {
      throw new CheckFailed(`disclosure ${digestOfDisclosure} is presented twice`);
    }
    let decoded;
    try {
      decoded = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    } catch {
      throw new CheckFailed(`disclosure ${digestOfDisclosure} is not base64url JSON`);
    }
    if (!Array.isArray(decoded)) throw new CheckFailed(`disclosure ${digestOfDisclosure} is not an array`);
    disclosures.set(digestOfDisclosure, decoded);
  }

  const referenced = new Set();
  const reference = (digestValue) => {
    if (typeof digestValue !== 'string') throw new CheckFailed('a digest is not a string');
    if (referenced.has(digestValue)) throw new CheckFailed(`digest ${digestValue} appears more than once`);
    referenced.add(digestValue);
    return disclosures.get(digestValue);
  };
  const visit = (value) => {
    if (Array.isArray(value)) {
      for (const element of value) {
        const isArrayDigest = element !== null && typeof element === 'object' && !Array.isArray(element)
          && Object.keys(element).length === 1 && '...' in element;
        if (!isArrayDigest) {
          visit(element);
          continue;
        }
        const disclosure = reference(element['...']);
        if (disclosure === undefined) continue;
        if (disclosure.length !== 2) throw new CheckFailed('an array element disclosure does not have 2 elements');
        visit(disclosure[1]);
      }
    } else if (value !== null && typeof value === 'object') {
      const names = new Set(Object.keys(value));
      for (const [name, member] of Object.entries(value)) {
        if (name !== '_sd') visit(member);
      }
      if (value._sd === undefined) return;
      if (!Array.isArray(value._sd)) throw new CheckFailed('_sd is not an array');
      for (const digestValue of value._sd) {
        const disclosure = reference(digestValue);
        if (disclosure === undefined) continue;
        if (disclosure.length !== 3) throw new CheckFailed('an object property disclosure does not have 3 elements');
        const [, name, member] = disclosure;
        if (typeof name !== 'string' || name === '_sd' || name === '...') {
          throw new CheckFailed(`a disclosure has the claim name ${JSON.stringify(name)}`);
        }
        if (names.has(name)) throw new CheckFailed(`disclosed claim ${name} is already at its level`);
        names.add(name);
        visit(member);
      }
    }
  };
  visit(payload);

  for (const digestOfDisclosure of disclosures.keys()) {
    if (!referenced.has(digestOfDisclosure)) {
      throw new CheckFailed(`disclosure ${digestOfDisclosure} is not referenced by any digest`);
    }
  }
}
