// Makes a presentation of an SD-JWT VC with sd-jwt-js: the chosen disclosures and a KB-JWT.
//
// stdin:  {"credential": "<issued compact>", "presentationFrame": {"given_name": true, ...},
//          "holderPrivateJwk": {...}, "alg": "ES256" | "EdDSA", "aud": "...", "nonce": "...", "iat": 1782820800}
//         (presentationFrame absent: every disclosure; holderPrivateJwk absent: no KB-JWT, and then
//          alg, aud, nonce and iat are not used; alg defaults to the key's, iat to now)
// stdout: <issuer-signed JWT>~<disclosure>~...~<KB-JWT>
import { digest } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { algorithmFor, main, optionalField, requireField, signerFor } from './common.mjs';

await main(async (request) => {
  const credential = requireField(request, 'credential', 'string');
  const presentationFrame = optionalField(request, 'presentationFrame', 'object');
  const holderPrivateJwk = optionalField(request, 'holderPrivateJwk', 'object');

  if (holderPrivateJwk === undefined) {
    const sdJwtVc = new SDJwtVcInstance({ hasher: digest });
    process.stdout.write(await sdJwtVc.present(credential, presentationFrame));
    return;
  }

  const alg = algorithmFor(holderPrivateJwk, optionalField(request, 'alg', 'string'));
  const kb = {
    payload: {
      aud: requireField(request, 'aud', 'string'),
      nonce: requireField(request, 'nonce', 'string'),
      // sd-jwt-js does not set iat itself; the KB-JWT carries exactly the payload given here plus sd_hash.
      iat: optionalField(request, 'iat', 'number') ?? Math.floor(Date.now() / 1000),
    },
  };
  const sdJwtVc = new SDJwtVcInstance({
    hasher: digest,
    kbSigner: signerFor(holderPrivateJwk, alg),
    kbSignAlg: alg,
  });
  process.stdout.write(await sdJwtVc.present(credential, presentationFrame, { kb }));
});
