package nl.learnerwallet.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Base64;

/**
 * Writes signed sample credentials for the README walkthrough ({@code ./sample-credentials DIR}):
 * one of each Dutch shape, an expired badge, and a tampered copy of a microcredential, all from
 * one sample issuer whose key is kept in DIR so that re-runs issue from the same DID.
 *
 * <p>Usage: {@code SampleCredentials DIR [--holder DID] [--email EMAIL]}; by default the
 * credentials are issued to the e-mail address learner@student.example.nl.
 * {@code SampleCredentials serve [DIR] [--port N] [--email EMAIL]} runs an edubadges-style
 * Open Badges 2.0 issuer on 127.0.0.1 instead (see {@link SampleBadgeServer}).
 */
public final class SampleCredentials {

    private SampleCredentials() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length >= 1 && args[0].equals("serve")) {
            SampleBadgeServer.serve(args);
            return;
        }
        if (args.length < 1) {
            System.err.println("usage: sample-credentials DIR [--holder DID] [--email EMAIL]");
            System.exit(2);
        }
        Path directory = Paths.get(args[0]);
        String holder = null;
        String email = "learner@student.example.nl";
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (args[i].equals("--holder")) {
                holder = args[i + 1];
            } else if (args[i].equals("--email")) {
                email = args[i + 1];
            }
        }
        Files.createDirectories(directory);
        Path keyFile = directory.resolve("issuer-key.jwk");
        TestIssuer issuer;
        if (Files.exists(keyFile)) {
            issuer = TestIssuer.fromPrivateJwk(new String(Files.readAllBytes(keyFile), StandardCharsets.UTF_8));
        } else {
            issuer = TestIssuer.es256();
            Files.write(keyFile, issuer.privateJwk().toJSONString().getBytes(StandardCharsets.UTF_8));
        }
        Files.write(directory.resolve("issuer-did.txt"), (issuer.did() + "\n").getBytes(StandardCharsets.UTF_8));

        for (DutchCredentials.Shape shape : DutchCredentials.Shape.values()) {
            String name = shape.name().toLowerCase().replace('_', '-') + ".jwt";
            write(directory.resolve(name), recipient(DutchCredentials.of(shape, issuer), holder, email).signed());
        }
        write(directory.resolve("expired-badge.jwt"),
                recipient(DutchCredentials.of(DutchCredentials.Shape.REGULAR_BADGE, issuer), holder, email).expired().signed());
        String genuine = recipient(DutchCredentials.of(DutchCredentials.Shape.HBO_MICROCREDENTIAL, issuer), holder, email).signed();
        write(directory.resolve("tampered-microcredential.jwt"), tamper(genuine));

        if (holder != null && holder.startsWith("did:jwk:")) {
            // SD-JWT VCs name their holder by key (cnf), so they can only be made for a wallet's did:jwk.
            com.nimbusds.jose.jwk.JWK holderKey = holderKey(holder);
            write(directory.resolve("eu-learning-credential.sd-jwt"),
                    new SdJwtIssuer(issuer).euLearningCredential(holderKey).issue());
            write(directory.resolve("microcredential.sd-jwt"), new SdJwtIssuer(issuer).microcredential(holderKey).issue());
            write(directory.resolve("diploma.sd-jwt"), new SdJwtIssuer(issuer).diploma(holderKey).issue());
        } else {
            System.out.println("(SD-JWT samples are written only with --holder did:jwk:..., the wallet's holder.)");
        }
        System.out.println("Sample issuer: " + issuer.did());
        System.out.println("Wrote sample credentials to " + directory.toAbsolutePath());
    }

    private static com.nimbusds.jose.jwk.JWK holderKey(String didJwk) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(didJwk.substring("did:jwk:".length())), StandardCharsets.UTF_8);
            return com.nimbusds.jose.jwk.JWK.parse(json);
        } catch (java.text.ParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("--holder is not a did:jwk", e);
        }
    }

    private static DutchCredentials recipient(DutchCredentials credential, String holder, String email) {
        return holder != null ? credential.toHolder(holder) : credential.toEmail(email);
    }

    /** Raises the study load in the payload and keeps the old signature: what a forger would try. */
    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"creditsAvailable\":5.0", "\"creditsAvailable\":30.0");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    private static void write(Path file, String token) throws IOException {
        Files.write(file, (token + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
