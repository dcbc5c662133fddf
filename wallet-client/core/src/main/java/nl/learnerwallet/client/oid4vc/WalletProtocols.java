package nl.learnerwallet.client.oid4vc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedList;
import java.util.List;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.CredentialFormat;

/** Where the protocols meet the wallet: its credentials as DCQL candidates, and its memory of signed nonces. */
public final class WalletProtocols {

    private static final String NONCES_SETTING = "oid4vci.signed-nonces";
    /** Enough to catch an issuer that replays a recent nonce; old ones have long expired at the issuer. */
    private static final int REMEMBERED_NONCES = 200;

    private WalletProtocols() {
    }

    /** The credentials a verifier's query can match: those with a format OpenID4VP can carry. */
    public static List<DcqlMatcher.Candidate> candidates(Wallet wallet) {
        List<DcqlMatcher.Candidate> candidates = new ArrayList<>();
        for (StoredCredential credential : wallet.credentials()) {
            if (credential.format() == CredentialFormat.SD_JWT_VC || credential.format() == CredentialFormat.OB3_JWT) {
                candidates.add(new DcqlMatcher.Candidate(credential.id(), credential.card().title(), credential.format(),
                        wallet.presentable(credential)));
            }
        }
        return candidates;
    }

    /**
     * The c_nonces this wallet signed proofs over, kept as hashes (issuer and nonce) in an encrypted
     * wallet setting, so a replayed nonce is noticed across receives and devices.
     */
    public static CredentialReceiver.NonceLedger nonceLedger(Wallet wallet) {
        return new CredentialReceiver.NonceLedger() {
            @Override
            public boolean used(String issuer, String nonce) {
                return remembered().contains(hash(issuer, nonce));
            }

            @Override
            public void remember(String issuer, String nonce) {
                LinkedList<String> hashes = remembered();
                hashes.addLast(hash(issuer, nonce));
                while (hashes.size() > REMEMBERED_NONCES) {
                    hashes.removeFirst();
                }
                wallet.putSetting(NONCES_SETTING, String.join(" ", hashes));
            }

            private LinkedList<String> remembered() {
                String value = wallet.setting(NONCES_SETTING);
                LinkedList<String> hashes = new LinkedList<>();
                if (value != null && !value.isEmpty()) {
                    hashes.addAll(Arrays.asList(value.split(" ")));
                }
                return hashes;
            }
        };
    }

    private static String hash(String issuer, String nonce) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(issuer.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(nonce.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest.digest(), 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
