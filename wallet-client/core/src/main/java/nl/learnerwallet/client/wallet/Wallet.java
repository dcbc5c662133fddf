package nl.learnerwallet.client.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import nl.learnerwallet.model.crypto.AesGcm;
import nl.learnerwallet.model.crypto.DecryptionFailedException;
import nl.learnerwallet.client.keys.HolderKey;
import nl.learnerwallet.client.keys.InvalidRecoveryCodeException;
import nl.learnerwallet.client.keys.KeyDerivation;
import nl.learnerwallet.client.keys.KeyStorage;
import nl.learnerwallet.client.keys.PassphraseKdfParameters;
import nl.learnerwallet.client.keys.RecoveryCode;
import nl.learnerwallet.client.store.RecordStore;
import nl.learnerwallet.model.CredentialCards;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.attestation.AttestationRequest;
import nl.learnerwallet.model.attestation.AttestedCredential;
import nl.learnerwallet.model.attestation.WorkExperience;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.format.CredentialReader;
import nl.learnerwallet.model.format.ReadCredential;
import nl.learnerwallet.model.format.SelfDeclaredEntry;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.CheckId;
import nl.learnerwallet.model.verify.CheckResult;
import nl.learnerwallet.model.verify.Outcome;
import nl.learnerwallet.model.verify.Reason;
import nl.learnerwallet.model.verify.RecipientIdentities;
import nl.learnerwallet.model.verify.ReportJson;
import nl.learnerwallet.model.verify.VerificationContext;
import nl.learnerwallet.model.verify.VerificationReport;
import nl.learnerwallet.model.verify.VerificationStatus;

/**
 * An unlocked wallet over a {@link RecordStore}. The store's personal content is encrypted under
 * a random data key; the data key is kept twice, wrapped under the passphrase key (Argon2id) and
 * under a key derived from the recovery code, so either can open the wallet and the recovery
 * code can set a new passphrase. Not thread-safe: one wallet object per command or screen.
 */
public final class Wallet implements AutoCloseable {

    public static final int MIN_PASSPHRASE_LENGTH = 8;

    static final String CREDENTIAL = "credential";
    static final String IDENTITY = "identity";
    static final String SECRET = "secret";
    static final String SETTING = "setting";
    static final String SHARE = "share";
    /** Every record type; a backup carries them all. */
    private static final String[] RECORD_TYPES = {CREDENTIAL, IDENTITY, SECRET, SETTING, SHARE};
    private static final String HOLDER_KEY = "holder-key";
    private static final String PREVIOUS_HOLDER_KEY = "holder-key.previous.";
    private static final String BACKUP_KEY = "backup-key";
    private static final String ACCOUNT_KEY_SEED = "account-key-seed";

    private static final String META_VERSION = "format-version";
    private static final String META_KDF = "passphrase-kdf";
    private static final String META_KEY_BY_PASSPHRASE = "data-key.passphrase";
    private static final String META_KEY_BY_RECOVERY = "data-key.recovery";
    private static final String META_LAST_BACKUP_VERSION = "sync.last-seen-version";
    private static final byte[] AD_PASSPHRASE = "data-key/passphrase".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AD_RECOVERY = "data-key/recovery".getBytes(StandardCharsets.US_ASCII);

    private final RecordStore store;
    private final EncryptedRecords records;
    private final KeyStorage keys;
    private final WalletContext context;
    private final CredentialVerifier verifier;
    /** The same checks without the network: for `list`, identity changes and `verify --offline`. */
    private final CredentialVerifier offlineVerifier;
    private HolderKey holderKey;

    private Wallet(RecordStore store, byte[] dataKey, WalletContext context) {
        this.store = store;
        this.context = context;
        this.records = new EncryptedRecords(store, dataKey, context.random(), context.clock());
        this.keys = new StoreKeyStorage(records);
        this.verifier = new CredentialVerifier(context.issuerKeys(), context.fetcher());
        this.offlineVerifier = new CredentialVerifier(context.issuerKeys());
        byte[] holder = keys.get(HOLDER_KEY);
        this.holderKey = holder == null ? null : HolderKey.fromPrivateJwk(holder);
    }

    /** A new wallet and the recovery code, which is shown to the learner once and never stored. */
    public record Created(Wallet wallet, RecoveryCode recoveryCode) {
    }

    public static boolean exists(RecordStore store) {
        return store.meta(META_KEY_BY_PASSPHRASE) != null;
    }

    /**
     * @throws WalletException {@code WALLET_EXISTS} or {@code WEAK_PASSPHRASE}; nothing is written then
     */
    public static Created create(RecordStore store, char[] passphrase, WalletContext context) {
        if (exists(store)) {
            throw new WalletException(WalletException.Problem.WALLET_EXISTS, "a wallet already exists here");
        }
        requireStrong(passphrase);
        RecoveryCode code = RecoveryCode.generate(context.random());
        NewDataKey newKey = NewDataKey.make(passphrase, code, context);
        byte[] dataKey = newKey.dataKey();
        store.inTransaction(() -> {
            newKey.write(store, context);
            KeyStorage keys = new StoreKeyStorage(new EncryptedRecords(store, dataKey, context.random(), context.clock()));
            keys.put(HOLDER_KEY, HolderKey.generate(context.random()).toPrivateJwk());
            keys.put(BACKUP_KEY, KeyDerivation.fromRecoveryCode(code, KeyDerivation.BACKUP_KEY));
            keys.put(ACCOUNT_KEY_SEED, KeyDerivation.fromRecoveryCode(code, KeyDerivation.ACCOUNT_KEY));
        });
        // Opened after the transaction, so that the holder key written inside it is loaded.
        Wallet wallet = new Wallet(store, dataKey, context);
        Arrays.fill(dataKey, (byte) 0);
        return new Created(wallet, code);
    }

    /**
     * A new store's data key, wrapped under the passphrase (Argon2id, made before the store's
     * transaction: it is slow on purpose) and under the recovery code — for a new wallet and a
     * restored one alike.
     */
    private record NewDataKey(byte[] dataKey, PassphraseKdfParameters kdf, byte[] passphraseKey, byte[] recoveryKey) {

        static NewDataKey make(char[] passphrase, RecoveryCode code, WalletContext context) {
            byte[] dataKey = new byte[32];
            context.random().nextBytes(dataKey);
            PassphraseKdfParameters kdf = PassphraseKdfParameters.recommended(context.random());
            return new NewDataKey(dataKey, kdf, KeyDerivation.fromPassphrase(passphrase, kdf),
                    KeyDerivation.fromRecoveryCode(code, KeyDerivation.STORE_RECOVERY_KEY));
        }

        /** Inside the store's transaction: the version, the passphrase's KDF settings and both wrapped keys. */
        void write(RecordStore store, WalletContext context) {
            store.putMeta(META_VERSION, "1".getBytes(StandardCharsets.US_ASCII));
            store.putMeta(META_KDF, kdfJson(kdf));
            store.putMeta(META_KEY_BY_PASSPHRASE, AesGcm.encrypt(passphraseKey, dataKey, AD_PASSPHRASE, context.random()));
            store.putMeta(META_KEY_BY_RECOVERY, AesGcm.encrypt(recoveryKey, dataKey, AD_RECOVERY, context.random()));
        }
    }

    /** @throws WalletException {@code NO_WALLET} or {@code WRONG_PASSPHRASE} */
    public static Wallet unlock(RecordStore store, char[] passphrase, WalletContext context) {
        requireWallet(store);
        PassphraseKdfParameters kdf = readKdf(store.meta(META_KDF));
        byte[] passphraseKey = KeyDerivation.fromPassphrase(passphrase, kdf);
        byte[] dataKey = unwrap(store, passphraseKey, META_KEY_BY_PASSPHRASE, AD_PASSPHRASE,
                WalletException.Problem.WRONG_PASSPHRASE);
        return new Wallet(store, dataKey, context);
    }

    /**
     * Sets a new passphrase, proven by the recovery code.
     *
     * @throws WalletException {@code NO_WALLET}, {@code WRONG_RECOVERY_CODE} (also for a mistyped
     *     code) or {@code WEAK_PASSPHRASE}; the old passphrase keeps working then
     */
    public static Wallet resetPassphrase(RecordStore store, String recoveryCode, char[] newPassphrase,
            WalletContext context) {
        requireWallet(store);
        requireStrong(newPassphrase);
        RecoveryCode code;
        try {
            code = RecoveryCode.parse(recoveryCode);
        } catch (InvalidRecoveryCodeException e) {
            throw new WalletException(WalletException.Problem.WRONG_RECOVERY_CODE, "wrong recovery code: " + e.getMessage(), e);
        }
        byte[] recoveryKey = KeyDerivation.fromRecoveryCode(code, KeyDerivation.STORE_RECOVERY_KEY);
        byte[] dataKey = unwrap(store, recoveryKey, META_KEY_BY_RECOVERY, AD_RECOVERY,
                WalletException.Problem.WRONG_RECOVERY_CODE);
        PassphraseKdfParameters kdf = PassphraseKdfParameters.recommended(context.random());
        byte[] passphraseKey = KeyDerivation.fromPassphrase(newPassphrase, kdf);
        store.inTransaction(() -> {
            store.putMeta(META_KDF, kdfJson(kdf));
            store.putMeta(META_KEY_BY_PASSPHRASE, AesGcm.encrypt(passphraseKey, dataKey, AD_PASSPHRASE, context.random()));
        });
        return new Wallet(store, dataKey, context);
    }

    /**
     * A wallet rebuilt on this device from a backup, protected by a new passphrase. The records
     * (and so the holder key) are the backup's, byte for byte.
     *
     * @throws WalletException {@code WALLET_EXISTS} or {@code WEAK_PASSPHRASE}; nothing is written then
     */
    public static Wallet restore(RecordStore store, RecoveryCode code, char[] passphrase, List<WalletRecord> records,
            WalletContext context) {
        if (exists(store)) {
            throw new WalletException(WalletException.Problem.WALLET_EXISTS, "a wallet already exists here");
        }
        requireStrong(passphrase);
        NewDataKey newKey = NewDataKey.make(passphrase, code, context);
        byte[] dataKey = newKey.dataKey();
        store.inTransaction(() -> {
            newKey.write(store, context);
            EncryptedRecords encrypted = new EncryptedRecords(store, dataKey, context.random(), context.clock());
            for (WalletRecord record : records) {
                encrypted.writeRaw(record.type(), new EncryptedRecords.RawEntry(record.id(), record.createdAt(),
                        record.updatedAt(), record.deleted(), record.content()));
            }
            if (encrypted.read(SECRET, HOLDER_KEY) == null) {
                throw new WalletException(WalletException.Problem.DAMAGED, "the backup holds no holder key");
            }
        });
        return new Wallet(store, dataKey, context);
    }

    /** The holder's identity, {@code did:jwk:…}. */
    public String holderDid() {
        return holderKey.did();
    }

    public HolderKey holderKey() {
        return holderKey;
    }

    /** The key storage of this wallet, for keys other parts of the client keep. */
    public KeyStorage keyStorage() {
        return keys;
    }

    // ---- identities

    public List<Identity> identities() {
        List<Identity> out = new ArrayList<>();
        for (EncryptedRecords.Entry entry : records.readAll(IDENTITY)) {
            JsonNode node = StrictJson.parse(entry.plaintext());
            out.add(new Identity(Identity.Type.valueOf(node.path("type").asText()), node.path("value").asText()));
        }
        return out;
    }

    /**
     * Adds an identity and re-checks every credential's recipient against it.
     *
     * @return false when the identity was already there
     */
    public boolean addIdentity(Identity identity, TrustList trustList) {
        if (identities().contains(identity)) {
            return false;
        }
        ObjectNode node = StrictJson.mapper().createObjectNode();
        node.put("type", identity.type().name());
        node.put("value", identity.value());
        store.inTransaction(() -> {
            records.write(IDENTITY, newId(), json(node));
            for (StoredCredential credential : credentials()) {
                reverify(credential, trustList, true);
            }
        });
        return true;
    }

    public RecipientIdentities recipientIdentities() {
        List<String> emails = new ArrayList<>();
        List<String> eduIds = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (Identity identity : identities()) {
            if (identity.type() == Identity.Type.URL) {
                urls.add(identity.value());
            } else {
                (identity.type() == Identity.Type.EMAIL ? emails : eduIds).add(identity.value());
            }
        }
        List<String> dids = new ArrayList<>();
        dids.add(holderDid());
        dids.addAll(previousHolderDids());
        return new RecipientIdentities(dids, emails, eduIds, urls);
    }

    // ---- credentials

    /** Every credential in the wallet, oldest first. */
    public List<StoredCredential> credentials() {
        List<StoredCredential> out = new ArrayList<>();
        for (EncryptedRecords.Entry entry : records.readAll(CREDENTIAL)) {
            out.add(decode(entry.id(), entry.plaintext()));
        }
        return out;
    }

    /**
     * The credential with this id, or the only one whose id starts with it.
     *
     * @throws WalletException {@code UNKNOWN_CREDENTIAL} or {@code AMBIGUOUS_ID}
     */
    public StoredCredential credential(String idOrPrefix) {
        byte[] exact = records.read(CREDENTIAL, idOrPrefix);
        if (exact != null) {
            return decode(idOrPrefix, exact);
        }
        StoredCredential found = null;
        if (idOrPrefix.length() >= 3) {
            for (StoredCredential credential : credentials()) {
                if (credential.id().startsWith(idOrPrefix)) {
                    if (found != null) {
                        throw new WalletException(WalletException.Problem.AMBIGUOUS_ID,
                                "more than one credential has an id starting with " + idOrPrefix);
                    }
                    found = credential;
                }
            }
        }
        if (found == null) {
            throw new WalletException(WalletException.Problem.UNKNOWN_CREDENTIAL, "there is no credential " + idOrPrefix);
        }
        return found;
    }

    /**
     * Verifies input without storing it.
     *
     * @throws nl.learnerwallet.model.json.UntrustedInputException when the input holds no credential
     */
    public CredentialVerifier.Verified verifyInput(byte[] input, TrustList trustList) {
        return verifyInput(input, trustList, false);
    }

    /** @param offline true to use no network (network formats come out inconclusive) */
    public CredentialVerifier.Verified verifyInput(byte[] input, TrustList trustList, boolean offline) {
        return (offline ? offlineVerifier : verifier).verify(CredentialReader.read(input), verificationContext(trustList));
    }

    /** Verifies a hosted OB 2.0 assertion by its URL without storing it. */
    public CredentialVerifier.Verified verifyUrl(String url, TrustList trustList) {
        return verifier.verify(new ReadCredential(CredentialFormat.OB2_HOSTED, url), verificationContext(trustList));
    }

    /**
     * Fetches a hosted OB 2.0 assertion through the guarded fetcher and imports it; the fetched
     * bytes are the original.
     *
     * @throws nl.learnerwallet.model.fetch.FetchException when it cannot be fetched (or there is no network)
     * @throws CredentialRefusedException when it is malformed or tampered
     */
    public ImportResult importUrl(String url, TrustList trustList) {
        if (context.fetcher() == null) {
            throw new nl.learnerwallet.model.fetch.FetchException(nl.learnerwallet.model.fetch.FetchProblem.UNREACHABLE,
                    "this wallet has no network");
        }
        return importCredential(context.fetcher().fetch(url).body(), trustList);
    }

    /**
     * Verifies and stores a credential: everything that parses and is not tampered is kept with
     * its status (expired, revoked and unmatched recipients included).
     *
     * @throws nl.learnerwallet.model.json.UntrustedInputException when the input holds no credential
     * @throws CredentialRefusedException when it is malformed or tampered; nothing is stored then
     */
    public ImportResult importCredential(byte[] input, TrustList trustList) {
        ReadCredential read = CredentialReader.read(input);
        CredentialVerifier.Verified verified = verifier.verify(read, verificationContext(trustList));
        VerificationStatus status = verified.report().status();
        if (status == VerificationStatus.MALFORMED || status == VerificationStatus.TAMPERED || verified.card() == null) {
            throw new CredentialRefusedException(verified.report(), status == VerificationStatus.TAMPERED
                    ? "the credential was refused because its signature or issuer key does not check out"
                    : "the credential was refused because it is malformed");
        }
        // Baked images and OB 2.0 / Data Integrity JSON are kept byte for byte as they came;
        // a VC-JWT or SD-JWT is kept as its compact form (the form it is presented in).
        boolean compact = read.format() == CredentialFormat.OB3_JWT || read.format() == CredentialFormat.SD_JWT_VC;
        byte[] original = compact && !read.baked()
                ? read.encoded().getBytes(StandardCharsets.UTF_8) : input.clone();
        for (StoredCredential existing : credentials()) {
            if (Arrays.equals(existing.original(), original)) {
                return new ImportResult(existing, true);
            }
        }
        StoredCredential stored = new StoredCredential(newId(), read.format(), original, verified.card(),
                verified.report(), context.clock().instant());
        StoredCredential answered = attestedEntry(read, verified.report());
        // The attested credential takes the entry's place at once: never both, never neither.
        store.inTransaction(() -> {
            records.write(CREDENTIAL, stored.id(), encode(stored, verified.resolved()));
            if (answered != null) {
                records.delete(CREDENTIAL, answered.id());
            }
        });
        return new ImportResult(stored, false, answered == null ? null : answered.id());
    }

    /**
     * The self-declared entry that a credential being imported attests: the entry whose id the
     * credential names as the attestation request it answers, when its signature checks out and it
     * was issued to this wallet's holder (one issued to someone else replaces nothing). Else null.
     */
    private StoredCredential attestedEntry(ReadCredential read, VerificationReport report) {
        String requestId = AttestedCredential.requestId(read);
        CheckResult signature = report.check(CheckId.SIGNATURE);
        CheckResult recipient = report.check(CheckId.RECIPIENT);
        if (requestId == null || signature == null || signature.outcome() != Outcome.PASSED || recipient == null
                || recipient.outcome() != Outcome.PASSED || recipient.reason() != Reason.OK) {
            return null;
        }
        for (StoredCredential credential : credentials()) {
            if (credential.format() == CredentialFormat.SELF_DECLARED
                    && requestId.equals(selfDeclaredEntry(credential).id())) {
                return credential;
            }
        }
        return null;
    }

    // ---- work experience and diplomas the learner adds themselves

    /**
     * Adds a period of work as the learner declares it. It is stored like any credential — format
     * self-declared, its JSON document the original — and its status is SELF_DECLARED.
     *
     * @throws SelfDeclaredEntry.InvalidEntryException when a field is refused (too long, a date after
     *     today); nothing is stored then
     */
    public StoredCredential addWorkExperience(WorkExperience experience) {
        return addSelfDeclared(SelfDeclaredEntry.ofWork(newId(), context.clock().instant(), experience));
    }

    /**
     * Adds a diploma as the learner declares it, stored as {@link #addWorkExperience} stores work.
     *
     * @throws SelfDeclaredEntry.InvalidEntryException when a field is refused (an award date after
     *     today); nothing is stored then
     */
    public StoredCredential addDiploma(SelfDeclaredEntry.Diploma diploma) {
        return addSelfDeclared(SelfDeclaredEntry.ofDiploma(newId(), context.clock().instant(), diploma));
    }

    private StoredCredential addSelfDeclared(SelfDeclaredEntry entry) {
        byte[] original = entry.toJson();
        CredentialVerifier.Verified verified = offlineVerifier.verify(new ReadCredential(CredentialFormat.SELF_DECLARED,
                new String(original, StandardCharsets.UTF_8)), verificationContext(TrustList.empty()));
        if (verified.report().status() != VerificationStatus.SELF_DECLARED) {
            throw new IllegalStateException("a self-declared entry the wallet wrote does not read back: "
                    + verified.report().status());
        }
        // The entry's id is the record's: what `wallet show`, the request and the attestation name.
        StoredCredential stored = new StoredCredential(entry.id(), CredentialFormat.SELF_DECLARED, original,
                verified.card(), verified.report(), context.clock().instant());
        records.write(CREDENTIAL, stored.id(), encode(stored, null));
        return stored;
    }

    /**
     * Asks an employer to attest a period of work the learner added: a JWT signed by the holder key
     * ({@code typ} {@value AttestationRequest#TYPE}) naming the entry, its period and what the learner
     * said, which the employer's toolkit verifies ({@link AttestationRequest#verify}) and signs back
     * as a credential naming the entry; importing that credential replaces the entry. As a link it is
     * {@value AttestationRequest#LINK_PREFIX} followed by the JWT.
     *
     * @return the compact JWT
     * @throws WalletException {@code UNKNOWN_CREDENTIAL}, {@code AMBIGUOUS_ID}, or {@code NOT_ATTESTABLE}
     *     when the credential is not work experience the learner added themselves
     */
    public String attestationRequest(String idOrPrefix) {
        StoredCredential credential = credential(idOrPrefix);
        SelfDeclaredEntry entry = credential.format() == CredentialFormat.SELF_DECLARED ? selfDeclaredEntry(credential) : null;
        if (entry == null || entry.workExperience() == null) {
            throw new WalletException(WalletException.Problem.NOT_ATTESTABLE,
                    "only work experience you added yourself can be sent to an employer for attestation");
        }
        return holderKey.signJwt(AttestationRequest.TYPE, AttestationRequest.payloadJson(holderDid(), entry.id(),
                context.clock().instant(), entry.workExperience()));
    }

    /** @throws WalletException {@code DAMAGED} when the stored entry does not read */
    private static SelfDeclaredEntry selfDeclaredEntry(StoredCredential credential) {
        try {
            return SelfDeclaredEntry.parse(readStored(credential.format(), credential.original()).encoded());
        } catch (RuntimeException e) {
            throw new WalletException(WalletException.Problem.DAMAGED, "the stored entry " + credential.id() + " is damaged", e);
        }
    }

    /** Verifies a stored credential again, keeps the new report, and returns it. */
    public StoredCredential verify(String idOrPrefix, TrustList trustList) {
        return verify(idOrPrefix, trustList, false);
    }

    /**
     * @param offline true to use no network: network formats keep their last online result, with
     *     issuer trust, recipient and validity re-checked from the stored documents
     */
    public StoredCredential verify(String idOrPrefix, TrustList trustList, boolean offline) {
        StoredCredential target = credential(idOrPrefix);
        if (offline) {
            StoredCredential[] updated = new StoredCredential[1];
            store.inTransaction(() -> updated[0] = reverify(target, trustList, true));
            return updated[0];
        }
        // The network is used outside the transaction: a slow issuer must not hold the store locked.
        ReadCredential read = readStored(target.format(), target.original());
        CredentialVerifier.Verified verified = verifier.verify(read, verificationContext(trustList));
        StoredCredential[] updated = new StoredCredential[1];
        store.inTransaction(() -> updated[0] = keep(target, verified.report(),
                verified.resolved() != null ? verified.resolved() : resolvedOf(target.id()), verified.card()));
        return updated[0];
    }

    /**
     * Verifies every stored credential again where that needs no network (VC-JWTs with did:jwk or
     * did:key issuers), so that trust-list changes and expiry show at once; keeps and returns them.
     */
    public List<StoredCredential> refreshOffline(TrustList trustList) {
        List<StoredCredential> out = new ArrayList<>();
        store.inTransaction(() -> {
            for (StoredCredential credential : credentials()) {
                out.add(reverify(credential, trustList, true));
            }
        });
        return out;
    }

    /** @return false when there was no such credential */
    public boolean delete(String idOrPrefix) {
        return records.delete(CREDENTIAL, credential(idOrPrefix).id());
    }

    // ---- backup and sync

    /** Every record, tombstones included, decrypted: what a backup carries. */
    public List<WalletRecord> records() {
        List<WalletRecord> out = new ArrayList<>();
        for (String type : RECORD_TYPES) {
            for (EncryptedRecords.RawEntry entry : records.readRaw(type)) {
                out.add(new WalletRecord(type, entry.id(), entry.createdAt(), entry.updatedAt(), entry.deleted(),
                        entry.plaintext()));
            }
        }
        return out;
    }

    /**
     * Makes this wallet hold exactly these records (the result of a merge): records that differ
     * are written with their own timestamps, in one transaction.
     *
     * @return how many records changed here
     */
    public int replaceRecords(List<WalletRecord> merged) {
        java.util.Map<String, WalletRecord> current = new java.util.HashMap<>();
        for (WalletRecord record : records()) {
            current.put(record.key(), record);
        }
        int[] changed = new int[1];
        store.inTransaction(() -> {
            for (WalletRecord record : merged) {
                WalletRecord mine = current.get(record.key());
                if (mine == null || !mine.sameAs(record) || mine.updatedAt() != record.updatedAt()) {
                    records.writeRaw(record.type(), new EncryptedRecords.RawEntry(record.id(), record.createdAt(),
                            record.updatedAt(), record.deleted(), record.content()));
                    changed[0]++;
                }
            }
        });
        byte[] holder = keys.get(HOLDER_KEY);
        holderKey = holder == null ? holderKey : HolderKey.fromPrivateJwk(holder);
        return changed[0];
    }

    /**
     * Keeps what the wallet knows of a share link (its token included, encrypted like everything
     * else), so the link and QR code can be shown again and the share managed from any device.
     */
    public void saveShare(String shareId, byte[] json) {
        records.write(SHARE, shareId, json);
    }

    /** The shares this wallet made, oldest first: id and the JSON saved with {@link #saveShare}. */
    public List<WalletRecord> shares() {
        List<WalletRecord> out = new ArrayList<>();
        for (EncryptedRecords.RawEntry entry : records.readRaw(SHARE)) {
            if (!entry.deleted()) {
                out.add(new WalletRecord(SHARE, entry.id(), entry.createdAt(), entry.updatedAt(), false, entry.plaintext()));
            }
        }
        return out;
    }

    /**
     * The bytes a presentation envelopes for this credential: a VC-JWT's token as stored; for an
     * Open Badges 2.0 badge the assertion itself (taken out of a baked image), which the verifier
     * fetches again from the issuer; for a self-declared entry its JSON document, which only the
     * holder's signature on the presentation covers.
     */
    public byte[] presentable(StoredCredential credential) {
        return readStored(credential.format(), credential.original()).encoded().getBytes(StandardCharsets.UTF_8);
    }

    /** The learner's identities that a credential's recipient check matches: what sharing it would disclose. */
    public List<Identity> identitiesMatching(StoredCredential credential, TrustList trustList) {
        List<Identity> matching = new ArrayList<>();
        ReadCredential read = readStored(credential.format(), credential.original());
        if (credential.format() == CredentialFormat.OB2_HOSTED || credential.format() == CredentialFormat.OB2_SIGNED) {
            return ob2RecipientsMatching(read);
        }
        for (Identity identity : identities()) {
            List<String> none = new ArrayList<>();
            List<String> one = new ArrayList<>();
            one.add(identity.value());
            RecipientIdentities only = identity.type() == Identity.Type.EMAIL
                    ? new RecipientIdentities(none, one, none) : new RecipientIdentities(none, none, one);
            try {
                nl.learnerwallet.model.verify.CheckResult recipient = offlineVerifier.verify(read,
                        new VerificationContext(trustList, only, context.clock())).report()
                        .check(nl.learnerwallet.model.verify.CheckId.RECIPIENT);
                if (recipient != null && recipient.outcome() == nl.learnerwallet.model.verify.Outcome.PASSED
                        && recipient.reason() == nl.learnerwallet.model.verify.Reason.OK) {
                    matching.add(identity);
                }
            } catch (IllegalArgumentException unsupported) {
                // A format this verifier cannot check offline discloses nothing.
            }
        }
        return matching;
    }

    /** OB 2.0: the identities whose salted hash (or plain value) is the assertion's recipient identity. */
    private List<Identity> ob2RecipientsMatching(ReadCredential read) {
        List<Identity> matching = new ArrayList<>();
        JsonNode recipient;
        try {
            recipient = StrictJson.parse(read.encoded().getBytes(StandardCharsets.UTF_8)).path("recipient");
        } catch (RuntimeException notJson) {
            return matching;
        }
        String hash = recipient.path("identity").asText(null);
        boolean hashed = recipient.path("hashed").asBoolean(false);
        String salt = recipient.path("salt").asText(null);
        for (Identity identity : identities()) {
            if (nl.learnerwallet.model.verify.IdentityHash.matches(hash, hashed, salt, identity.value())) {
                matching.add(identity);
            }
        }
        return matching;
    }

    /** A setting kept (encrypted) in the wallet and carried by backups, or null. */
    public String setting(String name) {
        byte[] value = records.read(SETTING, name);
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    public void putSetting(String name, String value) {
        if (value == null) {
            records.delete(SETTING, name);
        } else {
            records.write(SETTING, name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The newest backup version this device has seen on the server (0 for none); device-local. */
    public long lastSeenBackupVersion() {
        byte[] value = store.meta(META_LAST_BACKUP_VERSION);
        return value == null ? 0 : Long.parseLong(new String(value, StandardCharsets.US_ASCII));
    }

    public void setLastSeenBackupVersion(long version) {
        store.putMeta(META_LAST_BACKUP_VERSION, Long.toString(version).getBytes(StandardCharsets.US_ASCII));
    }

    /** The key that signs requests to the wallet server (derived from the recovery code at init). */
    public nl.learnerwallet.client.keys.AccountKey accountKey() {
        return nl.learnerwallet.client.keys.AccountKey.fromSeed(keys.get(ACCOUNT_KEY_SEED));
    }

    /** The AES-256 key that seals backups (derived from the recovery code at init). */
    public byte[] backupKey() {
        return keys.get(BACKUP_KEY);
    }

    /**
     * Replaces the holder key with a new one, after a device was lost; the old key is kept only to
     * read history. Later presentations use the new key; the next backup publishes it.
     *
     * @return the new holder DID
     */
    public String rotateHolderKey() {
        store.inTransaction(() -> {
            int previous = 0;
            while (keys.get(PREVIOUS_HOLDER_KEY + previous) != null) {
                previous++;
            }
            keys.put(PREVIOUS_HOLDER_KEY + previous, holderKey.toPrivateJwk());
            HolderKey fresh = HolderKey.generate(context.random());
            keys.put(HOLDER_KEY, fresh.toPrivateJwk());
            holderKey = fresh;
        });
        return holderKey.did();
    }

    /** The DIDs of holder keys this wallet used before, oldest first. */
    public List<String> previousHolderDids() {
        List<String> out = new ArrayList<>();
        for (int i = 0; keys.get(PREVIOUS_HOLDER_KEY + i) != null; i++) {
            out.add(HolderKey.fromPrivateJwk(keys.get(PREVIOUS_HOLDER_KEY + i)).did());
        }
        return out;
    }

    @Override
    public void close() {
        store.close();
    }

    /** Verifies again without the network (see {@link CredentialVerifier#reevaluateOffline}). */
    private StoredCredential reverify(StoredCredential credential, TrustList trustList, boolean offline) {
        ReadCredential read = readStored(credential.format(), credential.original());
        JsonNode resolved = resolvedOf(credential.id());
        VerificationReport report = offlineVerifier.reevaluateOffline(read, resolved, credential.report(),
                verificationContext(trustList));
        return keep(credential, report, resolved, null);
    }

    private StoredCredential keep(StoredCredential credential, VerificationReport report, JsonNode resolved,
            CredentialCard card) {
        StoredCredential updated = new StoredCredential(credential.id(), credential.format(), credential.original(),
                card == null ? credential.card() : card, report, credential.importedAt());
        JsonNode before = resolvedOf(credential.id());
        // Rewrite only when the outcome changed: an unchanged record keeps its timestamp, so that
        // merely looking at a wallet never makes two devices' copies conflict.
        if (!report.checks().equals(credential.report().checks())
                || (resolved != null && !resolved.equals(before))) {
            records.write(CREDENTIAL, credential.id(), encode(updated, resolved));
        }
        return updated;
    }

    /** The documents stored with a credential (OB 2.0: as fetched), or null. */
    private JsonNode resolvedOf(String id) {
        byte[] plaintext = records.read(CREDENTIAL, id);
        if (plaintext == null) {
            return null;
        }
        JsonNode resolved = StrictJson.parse(plaintext).get("resolved");
        return resolved == null || resolved.isNull() ? null : resolved;
    }

    /**
     * The credential in stored original bytes. A VC-JWT stored as its token is read as before;
     * anything else (baked images, OB 2.0 JSON, Data Integrity JSON) is found again by content.
     */
    private static ReadCredential readStored(CredentialFormat format, byte[] original) {
        boolean image = original.length > 0 && (original[0] == (byte) 0x89 || original[0] == '<');
        if (format == CredentialFormat.OB3_JWT && !image) {
            return new ReadCredential(format, new String(original, StandardCharsets.UTF_8));
        }
        ReadCredential read = CredentialReader.read(original);
        return new ReadCredential(format, read.encoded(), read.baked());
    }

    private VerificationContext verificationContext(TrustList trustList) {
        return new VerificationContext(trustList, recipientIdentities(), context.clock());
    }

    private String newId() {
        // 50 random bits in Crockford base32: opaque, short enough to type, prefix-matchable.
        String alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            id.append(alphabet.charAt(context.random().nextInt(32)));
        }
        return id.toString();
    }

    /** @param resolved the documents fetched for it (OB 2.0 hosted and signed), or null; older records have none */
    private static byte[] encode(StoredCredential credential, JsonNode resolved) {
        ObjectNode node = StrictJson.mapper().createObjectNode();
        node.put("format", credential.format().id());
        node.put("original", Base64.getEncoder().encodeToString(credential.original()));
        node.put("importedAt", credential.importedAt().toString());
        node.set("report", ReportJson.write(credential.report()));
        if (resolved != null) {
            node.set("resolved", resolved);
        }
        return json(node);
    }

    private StoredCredential decode(String id, byte[] plaintext) {
        try {
            JsonNode node = StrictJson.parse(plaintext);
            CredentialFormat format = CredentialFormat.fromId(node.path("format").asText());
            byte[] original = Base64.getDecoder().decode(node.path("original").asText());
            JsonNode resolved = node.get("resolved");
            CredentialCard card = CredentialCards.of(readStored(format, original),
                    resolved == null || resolved.isNull() ? null : resolved);
            return new StoredCredential(id, format, original, card, ReportJson.read(node.path("report")),
                    Instant.parse(node.path("importedAt").asText()));
        } catch (RuntimeException e) {
            throw new WalletException(WalletException.Problem.DAMAGED, "the stored credential " + id + " is damaged", e);
        }
    }

    private static byte[] json(ObjectNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void requireWallet(RecordStore store) {
        if (!exists(store)) {
            throw new WalletException(WalletException.Problem.NO_WALLET, "there is no wallet here yet; run `wallet init`");
        }
    }

    private static void requireStrong(char[] passphrase) {
        if (passphrase == null || passphrase.length < MIN_PASSPHRASE_LENGTH) {
            throw new WalletException(WalletException.Problem.WEAK_PASSPHRASE,
                    "the passphrase must have at least " + MIN_PASSPHRASE_LENGTH + " characters");
        }
    }

    private static byte[] unwrap(RecordStore store, byte[] key, String meta, byte[] associatedData,
            WalletException.Problem problem) {
        try {
            return AesGcm.decrypt(key, store.meta(meta), associatedData);
        } catch (DecryptionFailedException e) {
            throw new WalletException(problem, problem == WalletException.Problem.WRONG_PASSPHRASE
                    ? "wrong passphrase" : "wrong recovery code", e);
        }
    }

    private static byte[] kdfJson(PassphraseKdfParameters kdf) {
        ObjectNode node = StrictJson.mapper().createObjectNode();
        node.put("algorithm", "argon2id");
        node.put("salt", Base64.getEncoder().encodeToString(kdf.salt()));
        node.put("memoryKiB", kdf.memoryKiB());
        node.put("iterations", kdf.iterations());
        node.put("parallelism", kdf.parallelism());
        return json(node);
    }

    private static PassphraseKdfParameters readKdf(byte[] json) {
        try {
            JsonNode node = StrictJson.parse(json);
            return new PassphraseKdfParameters(Base64.getDecoder().decode(node.path("salt").asText()),
                    node.path("memoryKiB").asInt(), node.path("iterations").asInt(), node.path("parallelism").asInt());
        } catch (RuntimeException e) {
            throw new WalletException(WalletException.Problem.DAMAGED, "the wallet's key settings are damaged", e);
        }
    }
}
