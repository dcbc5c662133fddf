// Keys, DIDs and the JWT callbacks oid4vc-ts asks for, shared by peer.mjs (issuer and verifier)
// and selftest.mjs (the wallet side). Signing and verifying go through jose; hashing and random
// bytes through Node's crypto. Only ES256 (P-256) and EdDSA (Ed25519) are supported.
import {
  createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign as nodeSign, verify as nodeVerify,
} from 'node:crypto';
import * as jose from 'jose';

export const ALGORITHMS = { ES256: 'P-256', EdDSA: 'Ed25519' };

/** A fresh key pair as JWKs: {privateJwk, publicJwk}. */
export function generateKey(alg = 'ES256') {
  const { privateKey } = alg === 'EdDSA'
    ? generateKeyPairSync('ed25519')
    : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const privateJwk = privateKey.export({ format: 'jwk' });
  return { privateJwk, publicJwk: publicPart(privateJwk) };
}

/** The public members of a JWK, in the order did:jwk and thumbprints use (kty, crv, x, y). */
export function publicPart(jwk) {
  if (jwk.kty === 'EC') return { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y };
  if (jwk.kty === 'OKP') return { kty: 'OKP', crv: jwk.crv, x: jwk.x };
  throw new Error(`unsupported key type ${jwk.kty}`);
}

/** The JWS algorithm a public key signs with. */
export function algorithmOf(jwk) {
  const alg = Object.keys(ALGORITHMS).find((candidate) => ALGORITHMS[candidate] === jwk?.crv);
  if (!alg || (jwk.kty !== 'EC' && jwk.kty !== 'OKP')) {
    throw new Error(`unsupported key: kty ${jwk?.kty}, crv ${jwk?.crv} (need EC P-256 or OKP Ed25519)`);
  }
  return alg;
}

/** did:jwk of a public key: "did:jwk:" + base64url(JSON of kty, crv, x, y in that order). */
export function didJwkOf(jwk) {
  return `did:jwk:${Buffer.from(JSON.stringify(publicPart(jwk)), 'utf8').toString('base64url')}`;
}

/** The DID of a DID URL (without path, query and fragment). */
export function didOf(didUrl) {
  return String(didUrl).split(/[#?/]/, 1)[0];
}

/**
 * The public JWK a did:jwk or did:key (P-256 or Ed25519) DID or DID URL stands for. Throws for
 * any other DID method: the peer resolves nothing over the network.
 */
export function jwkOfDid(didUrl) {
  const did = didOf(didUrl);
  if (did.startsWith('did:jwk:')) {
    let jwk;
    try {
      jwk = JSON.parse(Buffer.from(did.slice('did:jwk:'.length), 'base64url').toString('utf8'));
    } catch {
      throw new Error(`${did} does not hold base64url JSON`);
    }
    if (jwk === null || typeof jwk !== 'object' || 'd' in jwk) throw new Error(`${did} does not hold a public JWK`);
    algorithmOf(jwk);
    return publicPart(jwk);
  }
  if (did.startsWith('did:key:z')) {
    const bytes = base58btcDecode(did.slice('did:key:z'.length));
    if (bytes[0] === 0xed && bytes[1] === 0x01 && bytes.length === 34) {
      return { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(bytes.subarray(2)).toString('base64url') };
    }
    if (bytes[0] === 0x80 && bytes[1] === 0x24 && bytes.length === 35) {
      // A compressed P-256 point; Node decompresses it when it comes wrapped in an SPKI structure.
      const spki = Buffer.concat([
        Buffer.from('3039301306072a8648ce3d020106082a8648ce3d030107032200', 'hex'),
        bytes.subarray(2),
      ]);
      return publicPart(createPublicKey({ key: spki, format: 'der', type: 'spki' }).export({ format: 'jwk' }));
    }
    throw new Error(`${did}: only did:key of P-256 and Ed25519 keys is supported`);
  }
  throw new Error(`cannot resolve ${did}: only did:jwk and did:key are supported`);
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function base58btcDecode(text) {
  let value = 0n;
  for (const character of text) {
    const digit = BASE58.indexOf(character);
    if (digit < 0) throw new Error('did:key is not base58btc');
    value = value * 58n + BigInt(digit);
  }
  const bytes = [];
  while (value > 0n) {
    bytes.unshift(Number(value & 0xffn));
    value >>= 8n;
  }
  for (const character of text) {
    if (character !== '1') break;
    bytes.unshift(0);
  }
  return Uint8Array.from(bytes);
}

/** Signs a JWT (compact JWS) with jose. */
export async function signJwt(header, payload, privateJwk) {
  const alg = header.alg ?? algorithmOf(privateJwk);
  const key = await jose.importJWK(privateJwk, alg);
  return new jose.CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ ...header, alg })
    .sign(key);
}

/** Verifies a compact JWS signature with jose; returns true or false. */
export async function verifySignature(compact, publicJwk, alg) {
  if (algorithmOf(publicJwk) !== alg) return false;
  try {
    await jose.compactVerify(compact, await jose.importJWK(publicJwk, alg), { algorithms: [alg] });
    return true;
  } catch {
    return false;
  }
}

/**
 * A signer for sd-jwt-js's (data, signature) verifier interface: the signing input and the
 * base64url signature in, true when it verifies. ES256 signatures are r || s (IEEE P1363).
 */
export function sdJwtVerifierFor(publicJwk) {
  const alg = algorithmOf(publicJwk);
  const key = createPublicKey({ key: publicJwk, format: 'jwk' });
  return (data, signature) => {
    try {
      const options = alg === 'ES256' ? { key, dsaEncoding: 'ieee-p1363' } : key;
      return nodeVerify(alg === 'ES256' ? 'sha256' : null, Buffer.from(data, 'utf8'), options, Buffer.from(signature, 'base64url'));
    } catch {
      return false;
    }
  };
}

/** sd-jwt-js signer: the signing input in, the base64url signature (r || s for ES256) out. */
export function sdJwtSignerFor(privateJwk) {
  const alg = algorithmOf(privateJwk);
  const key = createPrivateKey({ key: privateJwk, format: 'jwk' });
  const options = alg === 'ES256' ? { key, dsaEncoding: 'ieee-p1363' } : key;
  return (data) => nodeSign(alg === 'ES256' ? 'sha256' : null, Buffer.from(data, 'utf8'), options).toString('base64url');
}

/** oid4vc-ts's hash callback. */
export function hash(data, alg) {
  const names = { 'sha-256': 'sha256', 'sha-384': 'sha384', 'sha-512': 'sha512' };
  if (!names[alg]) throw new Error(`unsupported hash ${alg}`);
  return new Uint8Array(createHash(names[alg]).update(data).digest());
}

/** oid4vc-ts's generateRandom callback. */
export function generateRandom(byteLength) {
  return new Uint8Array(randomBytes(byteLength));
}

/** A random base64url string of the given number of bytes. */
export function randomId(bytes = 16) {
  return randomBytes(bytes).toString('base64url');
}

/** The public JWK a JwtSigner of oid4vc-ts stands for ('jwk' and did:jwk / did:key 'did' signers). */
export function jwkOfSigner(signer) {
  if (signer.method === 'jwk') return publicPart(signer.publicJwk);
  if (signer.method === 'did') return jwkOfDid(signer.didUrl);
  throw new Error(`unsupported signer method ${signer.method}`);
}

/**
 * oid4vc-ts's signJwt callback over a set of private keys: the key is chosen by the signer's
 * DID URL ('did' signers) or public JWK ('jwk' signers).
 */
export function signJwtCallback(privateJwks) {
  return async (signer, { header, payload }) => {
    const wanted = jwkOfSigner(signer);
    const privateJwk = privateJwks.find((jwk) => jwk.x === wanted.x && jwk.crv === wanted.crv);
    if (!privateJwk) throw new Error(`no private key for signer ${JSON.stringify(signer)}`);
    const jwt = await signJwt({ ...header, alg: signer.alg }, payload, privateJwk);
    return { jwt, signerJwk: publicPart(privateJwk) };
  };
}

/** oid4vc-ts's verifyJwt callback: resolves 'jwk' signers and did:jwk / did:key 'did' signers. */
export async function verifyJwtCallback(signer, { compact }) {
  let publicJwk;
  try {
    publicJwk = jwkOfSigner(signer);
  } catch {
    return { verified: false };
  }
  const verified = ALGORITHMS[signer.alg] !== undefined && await verifySignature(compact, publicJwk, signer.alg);
  return verified ? { verified: true, signerJwk: publicJwk } : { verified: false, signerJwk: publicJwk };
}
