package nl.learnerwallet.client.share;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.learnerwallet.client.keys.HolderKey;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.sdjwt.Disclosure;
import nl.learnerwallet.model.sdjwt.SdJwt;
import nl.learnerwallet.model.sdjwt.SdJwtProcessor;
import nl.learnerwallet.model.sdjwt.SdJwtVc;

/**
 * Presents an SD-JWT VC selectively (RFC 9901 §4, §4.3): the issuer's JWT, the disclosures of the
 * chosen claims (with those of the objects around them), and a key-binding JWT signed by the
 * holder key the credential names in {@code cnf}, over {@code sd_hash}, for one audience and nonce.
 */
public final class SdJwtPresenter {

    /** Discloses every disclosable claim. */
    public static final String ALL = "*";

    private SdJwtPresenter() {
    }

    /** Why a presentation cannot be made: the problem, and for an unknown claim its name and the choices. */
    public static final class PresentationException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public enum Problem {
            /** No chosen credential has the claim named. */
            UNKNOWN_CLAIM,
            /** The credential names no holder key ({@code cnf}), so no key binding can be made. */
            NOT_KEY_BOUND,
            /** The credential is bound to a key this wallet does not hold. */
            OTHER_HOLDER
        }

        private final Problem problem;
        private final String claim;
        private final List<String> choices;

        public PresentationException(Problem problem, String claim, List<String> choices, String message) {
            super(message);
            this.problem = problem;
            this.claim = claim;
            this.choices = choices == null ? new ArrayList<String>() : new ArrayList<>(choices);
        }

        public Problem problem() {
            return problem;
        }

        public String claim() {
            return claim;
        }

        public List<String> choices() {
            return choices;
        }
    }

    /**
     * @param issued the SD-JWT as issued (no key binding)
     * @param disclose claim names, dotted for nested claims ({@code level.eqf}); {@link #ALL} for
     *     every claim; a claim that is always visible may be named and changes nothing
     * @param expiresAt when the key binding stops being accepted (offline QR codes), or null
     * @throws PresentationException when a claim is unknown or the credential is bound to another key
     */
    public static String present(String issued, Collection<String> disclose, HolderKey holder, String audience,
            String nonce, Instant issuedAt, Instant expiresAt) {
        SdJwtVc credential = SdJwtVc.parse(issued);
        checkBoundTo(credential, holder);
        List<Disclosure> chosen = choose(credential, disclose);
        List<String> encoded = new ArrayList<>();
        for (Disclosure disclosure : credential.processed().disclosures()) {
            if (chosen.contains(disclosure)) {
                encoded.add(disclosure.encoded());
            }
        }
        SdJwt presented = SdJwt.of(credential.compact().issuerJwt(), encoded, null);
        ObjectNode binding = StrictJson.mapper().createObjectNode();
        binding.put("iat", issuedAt.getEpochSecond());
        binding.put("aud", audience);
        binding.put("nonce", nonce);
        binding.put("sd_hash", presented.sdHash(credential.hash()));
        if (expiresAt != null) {
            binding.put("exp", expiresAt.getEpochSecond());
        }
        return SdJwt.of(presented.issuerJwt(), encoded, holder.signKeyBinding(binding.toString())).toString();
    }

    /**
     * What a presentation made with these {@code disclose} names reveals: the path of every claim
     * whose disclosure it carries (the objects around a nested claim included), in the order the
     * names were given. This, not the names, is what the learner must be shown before agreeing.
     *
     * @throws PresentationException UNKNOWN_CLAIM as {@link #present}
     */
    public static List<String> disclosedClaims(String issued, Collection<String> disclose) {
        SdJwtVc credential = SdJwtVc.parse(issued);
        List<Disclosure> chosen = choose(credential, disclose);
        List<String> out = new ArrayList<>();
        for (String wanted : disclose) {
            for (SdJwtProcessor.DisclosedClaim claim : credential.processed().disclosed()) {
                if (chosen.contains(claim.disclosure()) && (wanted.equals(ALL) || covers(wanted, claim.path()))
                        && !out.contains(claim.path())) {
                    out.add(claim.path());
                }
            }
        }
        return out;
    }

    /**
     * The claims the learner can choose from: each disclosable path, as {@code --disclose} takes it,
     * in the order the credential's type reads (title first), then the rest alphabetically — not in
     * the payload's order, which issuers shuffle so that it reveals nothing.
     */
    public static List<String> choices(String issued) {
        SdJwtVc credential = SdJwtVc.parse(issued);
        List<String> out = new ArrayList<>();
        for (String path : credential.disclosablePaths()) {
            String name = path.endsWith("[]") ? path.substring(0, path.length() - 2) : path;
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        final List<String> known = nl.learnerwallet.model.sdjwt.SdJwtCardMapper.knownClaims(credential.type());
        java.util.Collections.sort(out, new java.util.Comparator<String>() {
            @Override
            public int compare(String a, String b) {
                int rankA = rank(known, a);
                int rankB = rank(known, b);
                return rankA != rankB ? Integer.compare(rankA, rankB) : a.compareTo(b);
            }
        });
        return out;
    }

    /** The claims of {@link #choices} that a presentation with these {@code disclose} names leaves out. */
    public static List<String> withheld(String issued, Collection<String> disclose) {
        List<String> out = new ArrayList<>();
        if (disclose.contains(ALL)) {
            return out;
        }
        for (String choice : choices(issued)) {
            boolean shown = false;
            for (String wanted : disclose) {
                shown |= covers(wanted, choice) || covers(choice, wanted);
            }
            if (!shown) {
                out.add(choice);
            }
        }
        return out;
    }

    private static int rank(List<String> known, String claim) {
        int dot = claim.indexOf('.');
        int index = known.indexOf(dot < 0 ? claim : claim.substring(0, dot));
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static void checkBoundTo(SdJwtVc credential, HolderKey holder) {
        if (credential.holderKey() == null) {
            throw new PresentationException(PresentationException.Problem.NOT_KEY_BOUND, null, null,
                    "this credential is not bound to a holder key, so it cannot be presented with proof that it is yours");
        }
        if (!holder.thumbprint().equals(credential.holderKeyThumbprint())) {
            throw new PresentationException(PresentationException.Problem.OTHER_HOLDER, null, null,
                    "this credential is bound to another holder key than this wallet's");
        }
    }

    private static List<Disclosure> choose(SdJwtVc credential, Collection<String> disclose) {
        List<SdJwtProcessor.DisclosedClaim> claims = credential.processed().disclosed();
        Map<Disclosure, SdJwtProcessor.DisclosedClaim> byDisclosure = new IdentityHashMap<>();
        for (SdJwtProcessor.DisclosedClaim claim : claims) {
            byDisclosure.put(claim.disclosure(), claim);
        }
        Set<Disclosure> chosen = new HashSet<>();
        for (String wanted : disclose) {
            boolean found = false;
            for (SdJwtProcessor.DisclosedClaim claim : claims) {
                if (wanted.equals(ALL) || covers(wanted, claim.path())) {
                    found = true;
                    // The claim, and the disclosures of the objects it sits in, or it would not show.
                    for (Disclosure each = claim.disclosure(); each != null; each = parentOf(byDisclosure, each)) {
                        chosen.add(each);
                    }
                }
            }
            if (!found && !wanted.equals(ALL) && !isVisible(credential, wanted)) {
                List<String> choices = choices(credential.compact().toString());
                throw new PresentationException(PresentationException.Problem.UNKNOWN_CLAIM, wanted, choices,
                        "the credential has no claim " + wanted + "; it can disclose " + String.join(", ", choices));
            }
        }
        return new ArrayList<>(chosen);
    }

    private static Disclosure parentOf(Map<Disclosure, SdJwtProcessor.DisclosedClaim> byDisclosure, Disclosure child) {
        SdJwtProcessor.DisclosedClaim claim = byDisclosure.get(child);
        return claim == null ? null : claim.parent();
    }

    /**
     * {@code level} covers {@code level}, {@code level.eqf} and {@code level[]}; {@code level.eqf}
     * covers itself, and {@code level} when the level is disclosed as a whole (it cannot be shown
     * without the object it sits in).
     */
    private static boolean covers(String wanted, String path) {
        return path.equals(wanted) || path.startsWith(wanted + ".") || path.startsWith(wanted + "[]")
                || wanted.startsWith(path + ".");
    }

    private static boolean isVisible(SdJwtVc credential, String dotted) {
        JsonNode node = credential.claims();
        for (String part : dotted.split("\\.")) {
            node = node.path(part);
        }
        return !node.isMissingNode();
    }
}
