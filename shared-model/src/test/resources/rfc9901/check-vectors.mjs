// Checks the RFC 9901 (SD-JWT) golden vectors in this folder with nothing but Node's own crypto,
// so that they are known to be right before any Java code of ours is tested against them.
// Run: node check-vectors.mjs   (exit code 0 when every check passed)
//
// For every example it checks what README.md promises:
// - compact strings hold no white space (the RFC wraps them for display);
// - the Issuer-signed JWT verifies (ES256) with issuer-key.json;
// - its payload is the payload JSON file, and every Disclosure's SHA-256 digest is in an `_sd`
//   array or a `{"...": digest}` array element of that payload or of another Disclosure's value;
// - the Disclosures files agree with themselves (digest, decoded contents, claim name) and list
//   every digest of the payload that is not a decoy the RFC names;
// - the Key Binding JWT verifies with the key in `cnf` (which is holder-key.json), its `sd_hash`
//   is base64url(SHA-256(ASCII of the presentation up to and including the last `~`)), and its
//   payload is the KB-JWT payload file;
// - processing the presentation (RFC 9901 section 7.1) gives the processed payload file, and
//   processing the issued SD-JWT gives back the claims the Issuer started from.
import { readFileSync } from 'node:fs';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';

const here = new URL('.', import.meta.url);
const text = name => readFileSync(new URL(name, here), 'utf8');
const json = name => JSON.parse(text(name));
const fromB64u = part => Buffer.from(part, 'base64url');
const digestOf = ascii => createHash('sha256').update(Buffer.from(ascii, 'ascii')).digest('base64url');

let passed = 0;
let failed = 0;
function check(label, ok, detail = '') {
  if (ok) {
    passed++;
    console.log(`ok      ${label}`);
  } else {
    failed++;
    console.log(`FAILED  ${label}${detail ? ` (${detail})` : ''}`);
  }
}

function compact(name) {
  const value = text(name);
  check(`${name}: no white space, only base64url, '.' and '~'`, /^[A-Za-z0-9_\-.~]+$/.test(value));
  return value;
}

function decodeStrictB64u(part) {
  const bytes = fromB64u(part);
  if (bytes.toString('base64url') !== part) throw new Error(`not canonical base64url: ${part.slice(0, 20)}…`);
  return bytes;
}

/** Verifies an ES256 JWS in compact form; returns its header and payload. */
function verifyEs256(label, jws, jwk) {
  const parts = jws.split('.');
  check(`${label}: three parts`, parts.length === 3);
  const header = JSON.parse(decodeStrictB64u(parts[0]).toString('utf8'));
  const payload = JSON.parse(decodeStrictB64u(parts[1]).toString('utf8'));
  const signature = decodeStrictB64u(parts[2]);
  check(`${label}: alg ES256`, header.alg === 'ES256', header.alg);
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  const ok = verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`, 'ascii'),
    { key, dsaEncoding: 'ieee-p1363' }, signature);
  check(`${label}: signature verifies`, ok);
  return { header, payload };
}

/** Every digest in a value: `_sd` entries of objects and `{"...": digest}` elements of arrays. */
function digestsIn(value, into = []) {
  if (Array.isArray(value)) {
    for (const element of value) {
      const keys = element && typeof element === 'object' && !Array.isArray(element) ? Object.keys(element) : [];
      if (keys.length === 1 && keys[0] === '...') into.push(element['...']);
      else digestsIn(element, into);
    }
  } else if (value && typeof value === 'object') {
    for (const [key, member] of Object.entries(value)) {
      if (key === '_sd') into.push(...member);
      else digestsIn(member, into);
    }
  }
  return into;
}

/**
 * RFC 9901 section 7.1 steps 3-5: replaces digests by the disclosed claims and array elements,
 * drops what is not disclosed and `_sd_alg`; reports which Disclosures were used and whether a
 * digest was met twice.
 */
function processPayload(payload, disclosureList) {
  const byDigest = new Map(disclosureList.map(d => [digestOf(d), JSON.parse(fromB64u(d).toString('utf8'))]));
  const used = new Set();
  const seen = new Set();
  let repeated = false;
  const take = digest => {
    if (seen.has(digest)) repeated = true;
    seen.add(digest);
    if (byDigest.has(digest)) used.add(digest);
    return byDigest.get(digest);
  };
  const walk = value => {
    if (Array.isArray(value)) {
      const out = [];
      for (const element of value) {
        const keys = element && typeof element === 'object' && !Array.isArray(element) ? Object.keys(element) : [];
        if (keys.length === 1 && keys[0] === '...') {
          const contents = take(element['...']);
          if (contents) {
            if (contents.length !== 2) throw new Error('array element Disclosure without two elements');
            out.push(walk(contents[1]));
          }
        } else {
          out.push(walk(element));
        }
      }
      return out;
    }
    if (value && typeof value === 'object') {
      const out = {};
      for (const [key, member] of Object.entries(value)) {
        if (key !== '_sd') out[key] = walk(member);
      }
      for (const digest of value._sd ?? []) {
        const contents = take(digest);
        if (!contents) continue;
        if (contents.length !== 3) throw new Error('object property Disclosure without three elements');
        if (Object.hasOwn(out, contents[1])) throw new Error(`claim ${contents[1]} disclosed twice`);
        out[contents[1]] = walk(contents[2]);
      }
      return out;
    }
    return value;
  };
  const processed = walk(payload);
  delete processed._sd_alg;
  return { processed, used, repeated };
}

function checkDisclosureFile(name, decoys = []) {
  const entries = json(name);
  for (const entry of entries) {
    const contents = JSON.parse(fromB64u(entry.disclosure).toString('utf8'));
    const label = `${name}: ${entry.claim ?? 'array element'} ${entry.digest.slice(0, 8)}…`;
    check(`${label} digest`, digestOf(entry.disclosure) === entry.digest);
    check(`${label} contents`, isDeepStrictEqual(contents, entry.contents));
    check(`${label} claim name`, entry.claim === null ? contents.length === 2 : contents[1] === entry.claim);
  }
  const listed = new Set([...entries.map(e => e.digest), ...decoys]);
  return { entries, listed };
}

function checkExample({ name, payloadFile, disclosuresFile, decoys, issuedFile, presentationFile, kbPayloadFile,
  processedFile, claimsFile }) {
  const issuerKey = json('issuer-key.json');
  const holderKey = json('holder-key.json');
  const { entries, listed } = checkDisclosureFile(disclosuresFile, decoys);
  const expectedPayload = json(payloadFile);
  const payloadDigests = [...digestsIn(expectedPayload), ...entries.flatMap(e => digestsIn(e.contents.at(-1)))];
  check(`${name}: every digest of the payload and Disclosures is a listed Disclosure or decoy`,
    payloadDigests.every(d => listed.has(d)) && payloadDigests.length === listed.size,
    `${payloadDigests.length} digests, ${listed.size} listed`);

  const checkSdJwt = (file, keyBinding) => {
    const value = compact(file);
    const parts = value.split('~');
    const kbJwt = parts.pop();
    check(`${file}: ${keyBinding ? 'ends in a Key Binding JWT' : 'ends in ~'}`, keyBinding ? kbJwt !== '' : kbJwt === '');
    const [issuerJwt, ...disclosureList] = parts;
    const { header, payload } = verifyEs256(`${file} Issuer-signed JWT`, issuerJwt, issuerKey);
    check(`${file}: typ ${header.typ}`, typeof header.typ === 'string');
    check(`${file}: payload is ${payloadFile}`, isDeepStrictEqual(payload, expectedPayload));
    const known = new Set(entries.map(e => e.disclosure));
    check(`${file}: every Disclosure is listed in ${disclosuresFile}`, disclosureList.every(d => known.has(d)));
    const { processed, used, repeated } = processPayload(payload, disclosureList);
    check(`${file}: every Disclosure's digest is in the payload or a disclosed value`,
      used.size === disclosureList.length, `${used.size} of ${disclosureList.length}`);
    check(`${file}: no digest appears twice`, !repeated);
    if (keyBinding) {
      const { header: kbHeader, payload: kbPayload } = verifyEs256(`${file} KB-JWT`, kbJwt, payload.cnf.jwk);
      check(`${file}: KB-JWT typ kb+jwt`, kbHeader.typ === 'kb+jwt');
      check(`${file}: cnf.jwk is holder-key.json`, isDeepStrictEqual(payload.cnf.jwk, holderKey));
      const sdHash = digestOf(value.slice(0, value.lastIndexOf('~') + 1));
      check(`${file}: sd_hash ${sdHash}`, kbPayload.sd_hash === sdHash, kbPayload.sd_hash);
      check(`${file}: KB-JWT payload is ${kbPayloadFile}`, isDeepStrictEqual(kbPayload, json(kbPayloadFile)));
    }
    return { processed, disclosureList };
  };

  if (issuedFile) {
    const { processed, disclosureList } = checkSdJwt(issuedFile, false);
    check(`${issuedFile}: carries every listed Disclosure`, disclosureList.length === entries.length);
    const claims = json(claimsFile);
    check(`${issuedFile}: processed with all Disclosures it gives back ${claimsFile}`,
      Object.keys(claims).every(key => isDeepStrictEqual(processed[key], claims[key])));
  }
  if (presentationFile) {
    const { processed } = checkSdJwt(presentationFile, Boolean(kbPayloadFile));
    check(`${presentationFile}: processed payload is ${processedFile}`, isDeepStrictEqual(processed, json(processedFile)));
  }
}

/** Section 6: payloads and Disclosures without a signed JWT. */
function checkNested(payloadFile, disclosuresFile, claimsFile, { countryInTheClear = false } = {}) {
  const { entries } = checkDisclosureFile(disclosuresFile);
  const disclosureList = entries.filter(e => !(countryInTheClear && e.claim === 'country')).map(e => e.disclosure);
  const { processed, used, repeated } = processPayload(json(payloadFile), disclosureList);
  check(`${payloadFile}: every Disclosure's digest is in the payload or a disclosed value`,
    used.size === disclosureList.length && !repeated, `${used.size} of ${disclosureList.length}`);
  const claims = json(claimsFile);
  check(`${payloadFile}: processed with its Disclosures it gives back ${claimsFile}`,
    Object.keys(claims).every(key => isDeepStrictEqual(processed[key], claims[key])));
}

checkExample({
  name: 'section 5', payloadFile: 'example-payload.json', disclosuresFile: 'example-disclosures.json',
  issuedFile: 'example-issued.txt', claimsFile: 'example-claims.json',
  presentationFile: 'example-presentation.txt', kbPayloadFile: 'example-kb-jwt-payload.json',
  processedFile: 'example-processed.json',
});
{
  const issuerJwt = compact('example-issuer-jwt.txt');
  check('example-issuer-jwt.txt: is the JWT of example-issued.txt', text('example-issued.txt').startsWith(`${issuerJwt}~`));
}
checkNested('nested-flat-payload.json', 'nested-flat-disclosures.json', 'nested-input-claims.json');
checkNested('nested-structured-payload.json', 'nested-structured-disclosures.json', 'nested-input-claims.json');
checkNested('nested-structured-country-in-clear-payload.json', 'nested-structured-disclosures.json',
  'nested-input-claims.json', { countryInTheClear: true });
checkNested('nested-recursive-payload.json', 'nested-recursive-disclosures.json', 'nested-input-claims.json');
checkExample({
  name: 'A.1', payloadFile: 'a1-structured-payload.json', disclosuresFile: 'a1-structured-disclosures.json',
  decoys: json('a1-structured-decoys.json'),
  presentationFile: 'a1-structured-presentation.txt', processedFile: 'a1-structured-processed.json',
});
checkExample({
  name: 'A.2', payloadFile: 'a2-complex-payload.json', disclosuresFile: 'a2-complex-disclosures.json',
  presentationFile: 'a2-complex-presentation.txt', processedFile: 'a2-complex-processed.json',
});
checkExample({
  name: 'A.3', payloadFile: 'a3-sd-jwt-vc-payload.json', disclosuresFile: 'a3-sd-jwt-vc-disclosures.json',
  issuedFile: 'a3-sd-jwt-vc-issued.txt', claimsFile: 'a3-sd-jwt-vc-claims.json',
  presentationFile: 'a3-sd-jwt-vc-presentation.txt', kbPayloadFile: 'a3-sd-jwt-vc-kb-jwt-payload.json',
  processedFile: 'a3-sd-jwt-vc-processed.json',
});
checkExample({
  name: 'A.4', payloadFile: 'a4-w3c-vc-payload.json', disclosuresFile: 'a4-w3c-vc-disclosures.json',
  issuedFile: 'a4-w3c-vc-issued.txt', claimsFile: 'a4-w3c-vc-claims.json',
  presentationFile: 'a4-w3c-vc-presentation.txt', kbPayloadFile: 'a4-w3c-vc-kb-jwt-payload.json',
  processedFile: 'a4-w3c-vc-processed.json',
});

console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
