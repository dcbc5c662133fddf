package nl.learnerwallet.client.share;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nl.learnerwallet.client.sync.ServerClient;
import nl.learnerwallet.client.wallet.Identity;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.client.wallet.WalletContext;
import nl.learnerwallet.client.wallet.WalletRecord;
import nl.learnerwallet.model.CredentialFormat;
import nl.learnerwallet.model.exemption.ExemptionRequest;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.protocol.ShareToken;
import nl.learnerwallet.model.trust.TrustList;

/**
 * Making and managing share links. The wallet makes the token; the server gets only its hash
 * when the share is created, and the token itself with the presentation signed for the share's
 * audience and nonce — then seals the presentation under it and forgets it. The wallet keeps the
 * token (encrypted) so the link and its QR code can be shown again.
 */
public final class ShareLinks {

    private final Wallet wallet;
    private final ServerClient server;
    private final WalletContext context;

    public ShareLinks(Wallet wallet, ServerClient server, WalletContext context) {
        this.wallet = wallet;
        this.server = server;
        this.context = context;
    }

    /**
     * What the learner asked for.
     *
     * @param disclose for SD-JWT credentials, the claims to disclose ({@link SdJwtPresenter#ALL} for
     *     all); every name must be a claim of at least one of them
     */
    public record Request(List<String> credentialIds, Duration expiresIn, Integer maxViews, String label, String purpose,
            boolean discloseIdentities, List<String> disclose, ExemptionRequest exemption) {

        /** @param exemption what the learner asks an exam committee, signed into the presentation; only with purpose exemption */
        public Request {
            if (exemption != null && !"exemption".equals(purpose)) {
                throw new IllegalArgumentException("an exemption request goes only with purpose exemption");
            }
        }

        public Request(List<String> credentialIds, Duration expiresIn, Integer maxViews, String label, String purpose,
                boolean discloseIdentities, List<String> disclose) {
            this(credentialIds, expiresIn, maxViews, label, purpose, discloseIdentities, disclose, null);
        }

        public Request(List<String> credentialIds, Duration expiresIn, Integer maxViews, String label, String purpose,
                boolean discloseIdentities) {
            this(credentialIds, expiresIn, maxViews, label, purpose, discloseIdentities,
                    java.util.Collections.singletonList(SdJwtPresenter.ALL));
        }
    }

    /** A decision the dossier's exam committee sent, as the share's server lists it. */
    public record ReceivedDecision(int number, String credential, String receivedAt) {
    }

    /** A share as the wallet remembers it. */
    public record ShareLink(String id, String url, Instant expiresAt, String label, String purpose, Integer maxViews,
            List<String> credentialIds, List<String> titles, Instant createdAt) {
    }

    public ShareLink create(Request request, TrustList trustList) {
        List<StoredCredential> chosen = new ArrayList<>();
        checkDisclosable(request);
        Set<Identity> disclosed = new LinkedHashSet<>();
        for (String id : request.credentialIds()) {
            StoredCredential credential = wallet.credential(id);
            chosen.add(credential);
            if (request.discloseIdentities()) {
                disclosed.addAll(wallet.identitiesMatching(credential, trustList));
            }
        }
        Instant now = context.clock().instant();
        Instant expires = now.plus(request.expiresIn());
        String token = ShareToken.generate(context.random());
        ServerClient.CreatedShare created = server.createShare(ShareToken.hash(token), request.purpose(),
                expires.getEpochSecond(), request.maxViews());
        List<Presentations.Enveloped> enveloped = new ArrayList<>();
        for (StoredCredential credential : chosen) {
            if (credential.format() == CredentialFormat.SD_JWT_VC) {
                // Its own key binding, for the same audience and nonce as the presentation around it.
                String issued = new String(wallet.presentable(credential), StandardCharsets.US_ASCII);
                List<String> claims = applicableClaims(credential, request.disclose());
                String presented = SdJwtPresenter.present(issued, claims, wallet.holderKey(), created.audience(),
                        created.nonce(), now, null);
                enveloped.add(new Presentations.Enveloped(CredentialFormat.SD_JWT_VC,
                        presented.getBytes(StandardCharsets.US_ASCII), SdJwtPresenter.withheld(issued, claims)));
            } else {
                enveloped.add(Presentations.Enveloped.of(wallet, credential));
            }
        }
        String presentation = Presentations.sign(wallet.holderKey(), enveloped, created.audience(), created.nonce(), now,
                expires, new ArrayList<>(disclosed), request.exemption());
        server.uploadShare(created.id(), token, presentation);
        List<String> ids = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (StoredCredential credential : chosen) {
            ids.add(credential.id());
            titles.add(credential.card().title());
        }
        ShareLink link = new ShareLink(created.id(), created.linkBase() + token, Instant.ofEpochSecond(created.expiresAt()),
                request.label(), request.purpose(), request.maxViews(), ids, titles, now);
        wallet.saveShare(link.id(), encode(link));
        return link;
    }

    /** Refuses, before anything is sent, a claim name that none of the chosen SD-JWT credentials has. */
    private void checkDisclosable(Request request) {
        List<String> known = new ArrayList<>();
        boolean anySdJwt = false;
        for (String id : request.credentialIds()) {
            StoredCredential credential = wallet.credential(id);
            if (credential.format() == CredentialFormat.SD_JWT_VC) {
                anySdJwt = true;
                known.addAll(claimNames(credential));
            }
        }
        for (String claim : request.disclose()) {
            if (!claim.equals(SdJwtPresenter.ALL) && anySdJwt && !known.contains(claim) && !isPrefixOfAny(claim, known)) {
                throw new SdJwtPresenter.PresentationException(SdJwtPresenter.PresentationException.Problem.UNKNOWN_CLAIM,
                        claim, known, "none of the chosen credentials has a claim " + claim + "; they can disclose "
                        + String.join(", ", known));
            }
        }
    }

    /** The requested claims this credential has (the rest belong to other credentials of the share). */
    private List<String> applicableClaims(StoredCredential credential, List<String> disclose) {
        List<String> names = claimNames(credential);
        List<String> out = new ArrayList<>();
        for (String claim : disclose) {
            if (claim.equals(SdJwtPresenter.ALL) || names.contains(claim) || isPrefixOfAny(claim, names)) {
                out.add(claim);
            }
        }
        return out;
    }

    private List<String> claimNames(StoredCredential credential) {
        return SdJwtPresenter.choices(new String(wallet.presentable(credential), StandardCharsets.US_ASCII));
    }

    private static boolean isPrefixOfAny(String claim, List<String> names) {
        for (String name : names) {
            if (name.startsWith(claim + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Decisions lists are short; a larger answer is not one. */
    private static final int MAX_DECISIONS = 1000;

    /**
     * The decisions an exam committee sent on this share, in the server's order, from this wallet's
     * own server (the share's token is the last part of its link).
     *
     * @throws nl.learnerwallet.client.sync.ServerException when the server cannot be reached
     * @throws nl.learnerwallet.model.json.UntrustedInputException when the answer is not a decisions list
     */
    public List<ReceivedDecision> decisions(ShareLink link) {
        String token = link.url().substring(link.url().lastIndexOf('/') + 1);
        JsonNode answer = server.shareDecisions(token);
        JsonNode listed = answer.path("decisions");
        if (!listed.isArray() || listed.size() > MAX_DECISIONS) {
            throw new nl.learnerwallet.model.json.UntrustedInputException(nl.learnerwallet.model.json.InputProblem.BAD_VALUE,
                    "the server's answer is not a list of decisions");
        }
        List<ReceivedDecision> out = new ArrayList<>();
        for (JsonNode each : listed) {
            out.add(new ReceivedDecision(each.path("number").asInt(), each.path("credential").asText(""),
                    each.path("receivedAt").asText(null)));
        }
        return out;
    }

    /** The shares this wallet made, oldest first. */
    public List<ShareLink> list() {
        List<ShareLink> out = new ArrayList<>();
        for (WalletRecord record : wallet.shares()) {
            out.add(decode(record.content()));
        }
        return out;
    }

    /**
     * The share with this id, or the only one whose id starts with it.
     *
     * @throws IllegalArgumentException when there is no such share
     */
    public ShareLink find(String idOrPrefix) {
        ShareLink found = null;
        for (ShareLink link : list()) {
            if (link.id().equals(idOrPrefix)) {
                return link;
            }
            if (idOrPrefix.length() >= 3 && link.id().startsWith(idOrPrefix)) {
                if (found != null) {
                    throw new IllegalArgumentException("more than one share starts with " + idOrPrefix);
                }
                found = link;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("there is no share " + idOrPrefix);
        }
        return found;
    }

    private static byte[] encode(ShareLink link) {
        ObjectNode node = StrictJson.mapper().createObjectNode();
        node.put("id", link.id());
        node.put("url", link.url());
        node.put("expiresAt", link.expiresAt().toString());
        node.put("createdAt", link.createdAt().toString());
        if (link.label() != null) {
            node.put("label", link.label());
        }
        node.put("purpose", link.purpose());
        if (link.maxViews() != null) {
            node.put("maxViews", link.maxViews());
        }
        ArrayNode ids = node.putArray("credentialIds");
        link.credentialIds().forEach(ids::add);
        ArrayNode titles = node.putArray("titles");
        link.titles().forEach(titles::add);
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ShareLink decode(byte[] json) {
        JsonNode node = StrictJson.parse(json);
        List<String> ids = new ArrayList<>();
        node.path("credentialIds").forEach(each -> ids.add(each.asText()));
        List<String> titles = new ArrayList<>();
        node.path("titles").forEach(each -> titles.add(each.asText()));
        return new ShareLink(node.path("id").asText(), node.path("url").asText(), Instant.parse(node.path("expiresAt").asText()),
                node.path("label").asText(null), node.path("purpose").asText("employer"),
                node.hasNonNull("maxViews") ? node.path("maxViews").asInt() : null, ids, titles,
                Instant.parse(node.path("createdAt").asText()));
    }
}
