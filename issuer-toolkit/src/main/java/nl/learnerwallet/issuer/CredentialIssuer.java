package nl.learnerwallet.issuer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWK;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.learnerwallet.model.CredentialCards;
import nl.learnerwallet.model.card.Completeness;
import nl.learnerwallet.model.card.CredentialCard;
import nl.learnerwallet.model.card.EuStandardElement;
import nl.learnerwallet.model.format.CredentialReader;
import nl.learnerwallet.model.jose.DidJwkResolver;
import nl.learnerwallet.model.jose.IssuerKeyException;

/**
 * Issues credentials for an organisation: builds the credential the request describes, signs it
 * with the organisation's key, reads it back with shared-model (the code wallets verify with) and
 * refuses a microcredential whose card lacks mandatory EU standard elements unless allowed; then
 * records it in {@code issued.json} (with a status entry when asked for) and writes it. Nothing is
 * written when it refuses. Dates are days in the clock's time zone, the issuer's calendar.
 */
public final class CredentialIssuer {

    private final Clock clock;
    private final SecureRandom random;
    private final StatusLists statusLists;

    /** @param clock the time of issuing; its zone decides which day "today" is */
    public CredentialIssuer(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
        this.statusLists = new StatusLists(clock, random);
    }

    /** Today in the issuer's calendar (the clock's zone). */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Issues to {@code issued/<uuid>.jwt} (or {@code .sd-jwt}) in the organisation's folder. */
    public IssueResult issue(Organisation organisation, IssueRequest request) {
        return issue(organisation, request, null, null);
    }

    /**
     * @param out the file to write the credential to, or null for the organisation's {@code issued/}
     * @throws IssuerException {@code FUTURE_DATE} [date], {@code BAD_VALIDITY} [valid-until, date],
     *     {@code HOLDER_KEY_NEEDED} [to] for an SD-JWT not issued to a did:jwk,
     *     {@code INCOMPLETE_MICROCREDENTIAL} [element ids], {@code NO_STATUS_URL}, {@code FILE_EXISTS} [file],
     *     {@code UNWRITABLE} [file]
     */
    public IssueResult issue(Organisation organisation, IssueRequest request, Path out) {
        return issue(organisation, request, out, null);
    }

    /** As {@link #issue(Organisation, IssueRequest, Path)}, with claims added to a VC-JWT's subject. */
    IssueResult issue(Organisation organisation, IssueRequest request, Path out, ObjectNode subjectExtras) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.now(clock);
        LocalDate date = request.date() != null ? request.date() : today;
        if (date.isAfter(today)) {
            throw new IssuerException(IssuerException.Problem.FUTURE_DATE, "the date of issue " + date + " is in the future",
                    date.toString());
        }
        Instant validFrom = request.date() == null ? now : min(date.atStartOfDay(clock.getZone()).toInstant(), now);
        Instant validUntil = null;
        if (request.validUntil() != null) {
            if (request.validUntil().isBefore(date) || request.validUntil().isBefore(today)) {
                throw new IssuerException(IssuerException.Problem.BAD_VALIDITY, "the validity ends before it starts or has ended",
                        request.validUntil().toString(), date.toString());
            }
            validUntil = request.validUntil().plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusSeconds(1);
        }
        Map<String, Object> holderJwk = request.format() == IssueFormat.SD_JWT ? holderKey(request.to()) : null;
        String uuid = randomUuid(random);
        Path file = out != null ? out.toAbsolutePath() : organisation.directory().resolve("issued")
                .resolve(uuid + request.format().fileExtension());
        if (Files.exists(file)) {
            throw new IssuerException(IssuerException.Problem.FILE_EXISTS, file + " exists already", file.toString());
        }

        IssuedCredentials.Lock lock = IssuedCredentials.lock(organisation);
        try {
            IssuedCredentials issued = IssuedCredentials.load(organisation);
            StatusEntry status = request.status() ? statusLists.allocate(organisation, issued, request.format()) : null;
            Issuance issuance = new Issuance("urn:uuid:" + uuid, now, date, validFrom, validUntil, status);
            String credential = request.format() == IssueFormat.SD_JWT
                    ? SdJwtCredentials.sign(organisation, request, issuance, holderJwk)
                    : OpenBadgeCredentials.sign(organisation, request, issuance, subjectExtras, random);
            CredentialCard card = CredentialCards.of(CredentialReader.read(credential.getBytes(StandardCharsets.US_ASCII)));
            List<EuStandardElement> missing = request.kind() == AchievementKind.MICROCREDENTIAL
                    ? Completeness.missingMandatory(card) : Collections.<EuStandardElement>emptyList();
            if (!missing.isEmpty() && !request.allowIncomplete()) {
                String[] ids = new String[missing.size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = missing.get(i).id();
                }
                throw new IssuerException(IssuerException.Problem.INCOMPLETE_MICROCREDENTIAL,
                        "the microcredential lacks mandatory EU standard elements: " + String.join(", ", ids), ids);
            }
            // Recorded first: an index is never handed out twice, even if writing the file fails.
            issued.put(new IssuedCredential(issuance.id(), request.kind(), request.format(),
                    relativeOrAbsolute(organisation, file), now, status));
            issued.save();
            AtomicFiles.writeNew(file, credential.getBytes(StandardCharsets.US_ASCII));
            if (status != null) {
                statusLists.publishIfMissing(organisation, issued, status.list());
            }
            return new IssueResult(issuance.id(), file, request.kind(), request.format(), credential, card, missing, status);
        } finally {
            lock.close();
        }
    }

    /** The public key of the did:jwk an SD-JWT VC is bound to. */
    private static Map<String, Object> holderKey(Recipient to) {
        String did = to instanceof Recipient.Did ? ((Recipient.Did) to).did() : null;
        if (did == null || !did.startsWith("did:jwk:")) {
            throw new IssuerException(IssuerException.Problem.HOLDER_KEY_NEEDED,
                    "an SD-JWT VC is bound to the holder's key: issue it to their did:jwk", String.valueOf(did != null ? did
                            : ((Recipient.Email) to).address()));
        }
        try {
            // shared-model's resolver checks that it holds one public key, as a wallet will.
            new DidJwkResolver().keysOf(did);
            byte[] json = Base64.getUrlDecoder().decode(did.substring("did:jwk:".length()));
            return JWK.parse(new String(json, StandardCharsets.UTF_8)).toPublicJWK().toJSONObject();
        } catch (IssuerKeyException | IllegalArgumentException | java.text.ParseException e) {
            throw new IssuerException(IssuerException.Problem.HOLDER_KEY_NEEDED, "the did:jwk holds no usable public key", e,
                    did);
        }
    }

    /** Files in the organisation's folder are recorded relative to it, so that the folder can move. */
    private static String relativeOrAbsolute(Organisation organisation, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(organisation.directory()) ? organisation.directory().relativize(absolute).toString()
                : absolute.toString();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** A version 4 UUID from this random source (tests can fix it; the JDK's own cannot be). */
    static String randomUuid(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (bytes[i] & 0xff);
            least = (least << 8) | (bytes[8 + i] & 0xff);
        }
        return new UUID(most, least).toString();
    }
}
