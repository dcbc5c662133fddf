// Try the wallet's OpenID4VCI and OpenID4VP by hand (README: "receive from an issuer and answer a
// verifier"). Starts the test peer (peer.mjs) on 127.0.0.1, makes one credential offer (an Open
// Badges 3.0 microcredential and an EU Learning Credential, transaction code 493536) and one
// verifier request (two claims of the EU Learning Credential), and writes into the output folder:
//   issuer-did.txt           the test issuer's DID, to put on the wallet's trust list
//   offer.txt, offer.png     the offer link and its QR code
//   request.txt, request.png the verifier's request link and its QR code
// Runs until Ctrl-C. Test and demo only: nothing here is for production.
//
// Usage: node try.mjs [--port 8790] [--out DIR]
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import QRCode from 'qrcode';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : fallback);
const port = Number(option('--port', '8790'));
const out = resolve(option('--out', 'oid4vc-try'));

const peer = spawn(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'peer.mjs'), '--port', String(port)],
  { stdio: ['ignore', 'pipe', 'inherit'] });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { peer.kill(); process.exit(0); });
peer.on('exit', (code) => { console.error(`the test peer stopped (exit ${code})`); process.exit(1); });

const base = await new Promise((done) => {
  createInterface({ input: peer.stdout }).once('line', (line) => done(`http://127.0.0.1:${JSON.parse(line).port}`));
});

async function call(path, body) {
  const answer = await fetch(base + path, body === undefined ? {} : {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`${path} answered ${answer.status}: ${await answer.text()}`);
  return answer.json();
}

const keys = await call('/test/keys');
const offer = await call('/test/offers', {
  grant: 'pre-authorized_code', txCode: '493536',
  configurationIds: ['OpenBadgeCredential_jwt', 'EuLearningCredential_sdjwt'],
});
const request = await call('/test/requests', {
  dcql: { credentials: [{ id: 'learning', format: 'dc+sd-jwt',
    meta: { vct_values: ['urn:eu.europa.ec.eudi:learning:credential:1'] },
    claims: [{ path: ['given_name'] }, { path: ['achievement_title'] }] }] },
});

mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'issuer-did.txt'), keys.issuerDid + '\n');
writeFileSync(join(out, 'offer.txt'), offer.offerUri + '\n');
writeFileSync(join(out, 'request.txt'), request.requestUri + '\n');
await QRCode.toFile(join(out, 'offer.png'), offer.offerUri, { errorCorrectionLevel: 'M', scale: 6 });
await QRCode.toFile(join(out, 'request.png'), request.requestUri, { errorCorrectionLevel: 'M', scale: 6 });

console.log(`Test issuer and verifier on ${base} (Ctrl-C stops them). Written to ${out}:
  issuer-did.txt, offer.txt, offer.png (transaction code 493536), request.txt, request.png
Then, in another terminal:
  export WALLET_FETCH_ALLOW_PRIVATE_NETWORKS=true
  ./wallet trust add "$(cat ${join(out, 'issuer-did.txt')})" --name "Hogeschool Utrecht (test)"
  ./wallet receive ${join(out, 'offer.png')}
  ./wallet present --request ${join(out, 'request.png')}
What the verifier made of the answer: ${base}/test/results/${request.id}`);
