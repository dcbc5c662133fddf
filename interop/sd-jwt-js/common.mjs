// What issue.mjs, present.mjs and verify.mjs share: reading the request, and JWS signers and
// verifiers for sd-jwt-js built from JWKs with Node's own crypto.
//
// Exit codes: 0 done, 1 verify.mjs's "not verified" verdict, 2 a bad request or a failure of the
// script itself (the Java side treats 2 as a bug in the test, never as a verdict).
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';

/** Thrown for a request the script cannot work with; main() turns it into exit code 2. */
export class BadRequest extends Error {}

/** The signature algorithms the scripts support, with the JWK curve each one needs. */
const CURVES = { ES256: 'P-256', EdDSA: 'Ed25519' };

export async function readRequest() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    const request = JSON.parse(text);
    if (request === null || typeof request !== 'object' || Array.isArray(request)) {
      throw new BadRequest('the request must be a JSON object');
    }
    return request;
  } catch (error) {
    if (error instanceof BadRequest) throw error;
    throw new BadRequest(`the request is not JSON: ${error.message}`);
  }
}

/** Runs a script body; a thrown error becomes a message on stderr and exit code 2. */
export async function main(body) {
  try {
    await body(await readRequest());
  } catch (error) {
    const kind = error instanceof BadRequest ? 'bad request' : 'failed';
    const detail = error instanceof BadRequest ? error.message : (error && error.stack) || error;
    process.stderr.write(`${kind}: ${detail}\n`);
    process.exitCode = 2;
  }
}

export function requireField(request, name, type) {
  const value = request[name];
  const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  if (actual !== type) {
    throw new BadRequest(`"${name}" must be a ${type}, got ${actual}`);
  }
  return value;
}

export function optionalField(request, name, type) {
  return request[name] === undefined ? undefined : requireField(request, name, type);
}

/** The algorithm a JWK signs with: ES256 for P-256, EdDSA for Ed25519. */
export function algorithmOf(jwk) {
  const alg = Object.keys(CURVES).find((candidate) => CURVES[candidate] === jwk.crv);
  if (!alg || (jwk.kty !== 'EC' && jwk.kty !== 'OKP')) {
    throw new BadRequest(`unsupported key: kty ${jwk.kty}, crv ${jwk.crv} (need EC P-256 or OKP Ed25519)`);
  }
  return alg;
}

/** The request's algorithm, which must fit the key; the key's own when the request names none. */
export function algorithmFor(jwk, requested) {
  const alg = algorithmOf(jwk);
  if (requested !== undefined && requested !== alg) {
    throw new BadRequest(`alg ${requested} does not fit the key: crv ${jwk.crv} signs ${alg}`);
  }
  return alg;
}

// ES256 signatures in a JWS are r || s (IEEE P1363), not the DER Node uses by default.
function signOptions(alg, key) {
  return alg === 'ES256' ? { key, dsaEncoding: 'ieee-p1363' } : key;
}

function digestOf(alg) {
  return alg === 'ES256' ? 'sha256' : null;
}

/** An sd-jwt-js Signer: signing input in, base64url signature out. */
export function signerFor(privateJwk, alg) {
  if (typeof privateJwk.d !== 'string') {
    throw new BadRequest('the private JWK has no "d"');
  }
  const key = createPrivateKey({ key: privateJwk, format: 'jwk' });
  return (data) => sign(digestOf(alg), Buffer.from(data, 'utf8'), signOptions(alg, key)).toString('base64url');
}

/** An sd-jwt-js Verifier: signing input and base64url signature in, true when it verifies. */
export function verifierFor(publicJwk, alg) {
  const { d, ...publicOnly } = publicJwk;
  const key = createPublicKey({ key: publicOnly, format: 'jwk' });
  return (data, signature) => {
    try {
      return verify(digestOf(alg), Buffer.from(data, 'utf8'), signOptions(alg, key), Buffer.from(signature, 'base64url'));
    } catch {
      // Node throws on a signature of the wrong shape; to a verifier that is just a bad signature.
      return false;
    }
  };
}

/** The decoded header of a compact JWS, or undefined when it is not one. */
export function headerOf(compactJws) {
  try {
    return JSON.parse(Buffer.from(compactJws.split('.')[0], 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

export function payloadOf(compactJws) {
  try {
    return JSON.parse(Buffer.from(compactJws.split('.')[1], 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
