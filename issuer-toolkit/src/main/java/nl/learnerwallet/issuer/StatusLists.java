package nl.learnerwallet.issuer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.BitSet;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import nl.learnerwallet.model.json.StrictJson;

/**
 * The organisation's status lists, made from {@code issued.json} and signed by its key whenever one
 * changes: a W3C Bitstring Status List credential (a VC-JWT, {@code statusPurpose} revocation) at
 * {@code BASE/status/1} for VC-JWTs, and an IETF Token Status List ({@code typ statuslist+jwt}, two
 * bits per entry: valid, invalid, suspended) at {@code BASE/status/token-1} for SD-JWT VCs. Each
 * holds {@value #SIZE} entries, the Bitstring Status List's minimum, and entries are handed out at
 * random so that a credential's index says nothing about when it was issued or to whom.
 */
public final class StatusLists {

    /** Entries per list: 16 KiB of bits, the herd privacy W3C Bitstring Status List asks for. */
    public static final int SIZE = 131_072;
    private static final String VC2_CONTEXT = "https://www.w3.org/ns/credentials/v2";

    private final Clock clock;
    private final SecureRandom random;

    public StatusLists(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** What a revocation did: the credential, its entry as it now is, and the list file to publish again. */
    public record Revocation(String id, StatusEntry entry, Path listFile) {
    }

    /**
     * Revokes (or suspends) a credential: its entry changes in {@code issued.json}, and its list is
     * signed and written again. Revoking is final; a revoked credential stays revoked when asked to
     * be suspended. Doing it twice does no harm (the list is written again either way).
     *
     * @param suspend suspend rather than revoke (Token Status List entries of SD-JWT VCs only)
     * @throws IssuerException {@code UNKNOWN_CREDENTIAL} [id], {@code NOT_REVOCABLE} [id] when it has no
     *     status entry, {@code CANNOT_SUSPEND} [id] for a Bitstring Status List (revocation) entry
     */
    public Revocation revoke(Organisation organisation, String credentialId, boolean suspend) {
        IssuedCredentials.Lock lock = IssuedCredentials.lock(organisation);
        try {
            IssuedCredentials issued = IssuedCredentials.load(organisation);
            IssuedCredential credential = issued.find(credentialId);
            if (credential == null) {
                throw new IssuerException(IssuerException.Problem.UNKNOWN_CREDENTIAL,
                        "this organisation issued no credential " + credentialId, credentialId);
            }
            StatusEntry entry = credential.status();
            if (entry == null) {
                throw new IssuerException(IssuerException.Problem.NOT_REVOCABLE,
                        "the credential was issued without a status entry", credential.id());
            }
            if (suspend && entry.list() == StatusEntry.StatusList.BITSTRING) {
                throw new IssuerException(IssuerException.Problem.CANNOT_SUSPEND,
                        "a Bitstring Status List entry of purpose revocation cannot suspend", credential.id());
            }
            StatusEntry.State state = suspend && entry.state() != StatusEntry.State.REVOKED
                    ? StatusEntry.State.SUSPENDED : StatusEntry.State.REVOKED;
            StatusEntry changed = entry.withState(state);
            issued.put(credential.withStatus(changed));
            issued.save();
            return new Revocation(credential.id(), changed, publish(organisation, issued, entry.list()));
        } finally {
            lock.close();
        }
    }

    /** The file of a list in the organisation's published folder. */
    public static Path listFile(Organisation organisation, StatusEntry.StatusList list) {
        return organisation.publicFile(organisation.statusListUrl(list.fileName()));
    }

    /**
     * A free entry in the list for this format, chosen at random; the caller records it.
     *
     * @throws IssuerException {@code NO_STATUS_URL} when the organisation has nowhere to publish
     *     lists, {@code STATUS_LIST_FULL} [list] when no entry is free
     */
    StatusEntry allocate(Organisation organisation, IssuedCredentials issued, IssueFormat format) {
        StatusEntry.StatusList list = StatusEntry.StatusList.forFormat(format);
        String url = organisation.statusListUrl(list.fileName());
        BitSet used = new BitSet(SIZE);
        for (IssuedCredential credential : issued.all()) {
            if (credential.status() != null && credential.status().list() == list) {
                used.set((int) credential.status().index());
            }
        }
        if (used.cardinality() >= SIZE) {
            throw new IssuerException(IssuerException.Problem.STATUS_LIST_FULL, "every entry of the status list is in use",
                    url);
        }
        int index = random.nextInt(SIZE);
        // Random probes find a free entry at once while the list is sparse; the scan is for a full one.
        for (int tries = 0; used.get(index) && tries < 64; tries++) {
            index = random.nextInt(SIZE);
        }
        if (used.get(index)) {
            index = used.nextClearBit(index) < SIZE ? used.nextClearBit(index) : used.nextClearBit(0);
        }
        return new StatusEntry(list, url, index, StatusEntry.State.VALID);
    }

    /** Writes the list when it is not there yet (a new entry changes no bit of an existing one). */
    void publishIfMissing(Organisation organisation, IssuedCredentials issued, StatusEntry.StatusList list) {
        if (!Files.exists(listFile(organisation, list))) {
            publish(organisation, issued, list);
        }
    }

    /** Makes the list from the record, signs it and writes it; returns its file. */
    Path publish(Organisation organisation, IssuedCredentials issued, StatusEntry.StatusList list) {
        String url = organisation.statusListUrl(list.fileName());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String token = list == StatusEntry.StatusList.BITSTRING
                ? bitstringList(organisation, issued, url, now) : tokenList(organisation, issued, url, now);
        Path file = listFile(organisation, list);
        AtomicFiles.write(file, token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return file;
    }

    /** A BitstringStatusListCredential as a VC-JWT (VC 2.0 form): bit i is bit 7 - i % 8 of byte i / 8. */
    private static String bitstringList(Organisation organisation, IssuedCredentials issued, String url, Instant now) {
        byte[] bits = new byte[SIZE / 8];
        for (IssuedCredential credential : issued.all()) {
            StatusEntry entry = credential.status();
            if (entry != null && entry.list() == StatusEntry.StatusList.BITSTRING && entry.state() != StatusEntry.State.VALID) {
                bits[(int) (entry.index() / 8)] |= (byte) (0x80 >>> (int) (entry.index() % 8));
            }
        }
        ObjectNode credential = StrictJson.mapper().createObjectNode();
        credential.putArray("@context").add(VC2_CONTEXT);
        credential.put("id", url);
        credential.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
        credential.put("issuer", organisation.issuerId());
        credential.put("validFrom", now.toString());
        ObjectNode subject = credential.putObject("credentialSubject");
        subject.put("id", url + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", "revocation");
        subject.put("encodedList", "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(compress(bits, GZIPOutputStream::new)));
        credential.put("iss", organisation.issuerId());
        credential.put("iat", now.getEpochSecond());
        return organisation.sign("vc+jwt", credential.toString());
    }

    /** A Token Status List JWT: status i is the two bits at bit 2i, counted from the least significant bit of byte 0. */
    private static String tokenList(Organisation organisation, IssuedCredentials issued, String url, Instant now) {
        byte[] statuses = new byte[SIZE * 2 / 8];
        for (IssuedCredential credential : issued.all()) {
            StatusEntry entry = credential.status();
            if (entry != null && entry.list() == StatusEntry.StatusList.TOKEN && entry.state() != StatusEntry.State.VALID) {
                int value = entry.state() == StatusEntry.State.REVOKED ? 0x01 : 0x02;
                long position = entry.index() * 2;
                statuses[(int) (position / 8)] |= (byte) (value << (int) (position % 8));
            }
        }
        ObjectNode payload = StrictJson.mapper().createObjectNode();
        payload.put("sub", url);
        payload.put("iss", organisation.issuerId());
        payload.put("iat", now.getEpochSecond());
        ObjectNode statusList = payload.putObject("status_list");
        statusList.put("bits", 2);
        statusList.put("lst", Base64.getUrlEncoder().withoutPadding().encodeToString(compress(statuses, DeflaterOutputStream::new)));
        return organisation.sign("statuslist+jwt", payload.toString());
    }

    /** Opens a compressing stream over the output: GZIP for Bitstring, zlib for Token Status Lists. */
    private interface Compression {
        OutputStream over(OutputStream out) throws IOException;
    }

    private static byte[] compress(byte[] data, Compression compression) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream compressing = compression.over(out)) {
            compressing.write(data);
        } catch (IOException e) {
            throw new IllegalStateException("compressing in memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
