// Issues an SD-JWT VC with sd-jwt-js.
//
// stdin:  {"issuerPrivateJwk": {...}, "alg": "ES256" | "EdDSA", "kid": "...", "typ": "dc+sd-jwt",
//          "claims": {...}, "disclosureFrame": {...}, "decoys": 2}
//         (alg defaults to the key's, typ to "dc+sd-jwt"; kid, disclosureFrame and decoys are optional)
// stdout: <issuer-signed JWT>~<disclosure>~...~
import { digest, generateSalt } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { algorithmFor, BadRequest, main, optionalField, requireField, signerFor } from './common.mjs';

await main(async (request) => {
  const privateJwk = requireField(request, 'issuerPrivateJwk', 'object');
  const alg = algorithmFor(privateJwk, optionalField(request, 'alg', 'string'));
  const kid = optionalField(request, 'kid', 'string');
  const typ = optionalField(request, 'typ', 'string') ?? 'dc+sd-jwt';
  const claims = requireField(request, 'claims', 'object');
  const frame = structuredClone(optionalField(request, 'disclosureFrame', 'object') ?? {});
  const decoys = optionalField(request, 'decoys', 'number');
  if (decoys !== undefined) {
    if (!Number.isInteger(decoys) || decoys < 0) throw new BadRequest('"decoys" must be a whole number >= 0');
    // sd-jwt-js takes decoys per object in the frame; "decoys" is the top level's count.
    frame._sd_decoy = decoys;
  }

  const sdJwtVc = new SDJwtVcInstance({
    signer: signerFor(privateJwk, alg),
    signAlg: alg,
    hasher: digest,
    hashAlg: 'sha-256',
    // crypto-nodejs's generateSalt(n) gives n hex digits; sd-jwt-js asks for 16 (64 bits), while
    // RFC 9901 recommends 128 bits of salt, so ask for 32 hex digits whatever it passes.
    saltGenerator: () => generateSalt(32),
  });
  const header = kid === undefined ? { typ } : { typ, kid };
  const credential = await sdJwtVc.issue(claims, frame, { header });
  process.stdout.write(credential);
});
