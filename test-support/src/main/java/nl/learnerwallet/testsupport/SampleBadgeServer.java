package nl.learnerwallet.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * {@code ./sample-credentials serve [DIR] [--port N] [--email EMAIL]}: an edubadges-style sample
 * issuer on 127.0.0.1 for the README walkthrough. It hosts an hbo microcredential (EQF 6, 5 EC)
 * and an mbo one (EQF 4, 240 SBU) as Open Badges 2.0 hosted assertions with their badge classes and
 * issuer profile, and writes both baked — the hbo one as a PNG, the mbo one as an SVG — to DIR
 * (default {@code samples-edubadges}). Runs until stopped (Ctrl-C).
 */
final class SampleBadgeServer {

    private SampleBadgeServer() {
    }

    static void serve(String[] args) throws IOException, InterruptedException {
        Path directory = Paths.get("samples-edubadges");
        int port = 8765;
        String email = "learner@student.example.nl";
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--email") && i + 1 < args.length) {
                email = args[++i];
            } else {
                directory = Paths.get(args[i]);
            }
        }
        LoopbackIssuer server = LoopbackIssuer.http(port);
        EdubadgesIssuer issuer = new EdubadgesIssuer(server.base()).publish(server);
        ObjectNode hbo = issuer.assertion("sample-hbo-microcredential", email);
        ObjectNode mbo = issuer.assertion("sample-mbo-microcredential", "email",
                EdubadgesIssuer.sha256(email + EdubadgesIssuer.SALT), issuer.mboBadgeId());
        String hboUrl = issuer.publish(server, hbo);
        String mboUrl = issuer.publish(server, mbo);
        Files.createDirectories(directory);
        Path png = directory.resolve("hbo-microcredential.png");
        Path svg = directory.resolve("mbo-microcredential.svg");
        Files.write(png, BadgeBaker.png(hbo.toPrettyString()));
        Files.write(svg, BadgeBaker.svg(mbo.toPrettyString(), mboUrl).getBytes(StandardCharsets.UTF_8));
        server.bytes("/baked/hbo-microcredential.png", "image/png", Files.readAllBytes(png));

        System.out.println("Sample edubadges issuer on " + server.base() + " (Ctrl-C stops it)");
        System.out.println("  issuer profile   " + issuer.issuerId());
        System.out.println("  hosted badges    " + hboUrl);
        System.out.println("                   " + mboUrl);
        System.out.println("  baked badges     " + png.toAbsolutePath());
        System.out.println("                   " + svg.toAbsolutePath());
        System.out.println("  issued to        " + email + "   (wallet identity add " + email + ")");
        System.out.println("  trust it with    wallet trust add " + issuer.issuerId() + " --name \"Hogeschool Voorbeeld (sample)\"");
        System.out.println("The wallet needs WALLET_FETCH_ALLOW_PRIVATE_NETWORKS=true to fetch from 127.0.0.1.");
        System.out.flush();
        Thread.currentThread().join();
    }
}
