package nl.learnerwallet.cli;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import nl.learnerwallet.client.share.QrCodes;
import nl.learnerwallet.client.share.SdJwtPresenter;
import nl.learnerwallet.client.share.ShareLinks;
import nl.learnerwallet.client.store.RecordStore;
import nl.learnerwallet.client.sync.ServerClient;
import nl.learnerwallet.client.sync.SyncService;
import nl.learnerwallet.client.wallet.Identity;
import nl.learnerwallet.client.wallet.StoredCredential;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.client.wallet.WalletContext;
import nl.learnerwallet.issuer.AchievementKind;
import nl.learnerwallet.issuer.Attestations;
import nl.learnerwallet.issuer.CredentialIssuer;
import nl.learnerwallet.issuer.HostedFiles;
import nl.learnerwallet.issuer.IssueFormat;
import nl.learnerwallet.issuer.IssueRequest;
import nl.learnerwallet.issuer.Organisation;
import nl.learnerwallet.issuer.OrganisationSettings;
import nl.learnerwallet.model.attestation.WorkExperience;
import nl.learnerwallet.model.card.StudyLoad;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wallet demo}: the whole product in one command. It starts the wallet server on embedded
 * SQLite and four demo issuers on loopback (a ROC, a hogeschool, a university and an employer,
 * made with the issuer toolkit, each serving its status list), fills a demo wallet with realistic
 * Dutch credentials of every kind, shares them all, prints the link and a QR code, and runs until
 * Ctrl-C. Everything lives in one folder, removed at the end unless {@code --dir} names it.
 */
@Command(name = "demo", description = "Show the whole product: a server, demo issuers and a wallet with every kind of credential, shared as a link and QR code; runs until Ctrl-C.")
final class DemoCommand extends Subcommand implements Callable<Integer> {

    /** The demo wallet's passphrase, printed so the learner can explore it with the other commands. */
    static final String PASSPHRASE = "demo-wallet-passphrase";
    private static final String EMAIL = "sanne.jansen@student.example.nl";
    private static final Duration SERVER_START = Duration.ofSeconds(90);

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", descriptionKey = "option.demoPort",
            description = "The server's port (default 8080; a free one when that is taken).")
    int port;

    @Option(names = "--dir", paramLabel = "DIR", descriptionKey = "option.demoDir",
            description = "Keep the demo (wallet, server database, issuers) in DIR instead of a temporary folder.")
    Path dir;

    private final List<HostedFiles> issuers = new ArrayList<>();
    private Process server;

    @Override
    public Integer call() throws Exception {
        WalletCommand root = root();
        Path folder = dir != null ? dir.toAbsolutePath() : Files.createTempDirectory("learner-wallet-demo");
        if (Files.exists(folder.resolve("wallet"))) {
            throw new CliException(ExitCode.BAD_INPUT, "DEMO_EXISTS", Messages.get("demo.exists", folder));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(dir == null ? folder : null)));
        WalletContext context = WalletContext.standard(true); // the demo issuers and server are on loopback
        root.out().println(Messages.get("demo.starting", folder));

        Organisation roc = organisation(folder, "roc-midden-nederland", "ROC Midden Nederland", context.random());
        Organisation hogeschool = organisation(folder, "hogeschool-utrecht", "Hogeschool Utrecht", context.random());
        Organisation universiteit = organisation(folder, "universiteit-leiden", "Universiteit Leiden", context.random());
        Organisation employer = organisation(folder, "bouwbedrijf-de-vries", "Bouwbedrijf De Vries", context.random());
        TrustList trust = TrustList.empty();
        for (Organisation each : Arrays.asList(roc, hogeschool, universiteit, employer)) {
            trust = trust.with(new TrustEntry(each.issuerId(), each.name(), "demo", context.clock().instant()));
        }
        Path serverTrust = folder.resolve("server-trust.json");
        Files.write(serverTrust, trust.toJson());

        int serverPort = freePort(port);
        String serverUrl = "http://127.0.0.1:" + serverPort;
        int managementPort = ServerCommand.freePort();
        startServer(folder, serverPort, managementPort, serverUrl, serverTrust);

        WalletHome home = new WalletHome(folder.resolve("wallet"));
        home.saveTrustList(trust);
        RecordStore store = home.openStore(true);
        String url;
        try (Wallet wallet = Wallet.create(store, PASSPHRASE.toCharArray(), context).wallet()) {
            wallet.addIdentity(Identity.parse(EMAIL), trust);
            List<String> ids = fill(wallet, trust, context, folder, roc, hogeschool, universiteit, employer);
            awaitServer("http://127.0.0.1:" + managementPort);
            ServerClient account = new ServerClient(serverUrl, wallet.accountKey(), context.clock(), context.random());
            account.register();
            wallet.putSetting(SyncService.SERVER_URL, serverUrl);
            ShareLinks links = new ShareLinks(wallet, SyncService.clientFor(wallet, context), context);
            url = links.create(new ShareLinks.Request(ids, Duration.ofDays(7), null, "Demo", "employer", true,
                    Collections.singletonList(SdJwtPresenter.ALL)), trust).url();
            root.out().println(Messages.get("demo.filled", ids.size()));
        }
        root.out().println();
        root.out().println(Messages.get("demo.open", url));
        root.out().println(url);
        root.out().print(QrCodes.terminal(QrCodes.encode(url)));
        root.out().println(Messages.get("demo.next", home.directory(), PASSPHRASE));
        root.out().flush();
        int exit = server.waitFor();
        root.err().println(Messages.get("demo.serverStopped", exit, folder.resolve("server.log")));
        return ExitCode.UNREACHABLE;
    }

    /** Every kind of credential, as Dutch institutions and an employer would issue them. */
    private List<String> fill(Wallet wallet, TrustList trust, WalletContext context, Path folder, Organisation roc,
            Organisation hogeschool, Organisation universiteit, Organisation employer) {
        CredentialIssuer issuer = new CredentialIssuer(context.clock(), context.random());
        String holder = wallet.holderDid();
        LocalDate today = LocalDate.now(context.clock());
        List<IssueRequest> requests = new ArrayList<>();
        List<Organisation> by = new ArrayList<>();
        requests.add(microcredential(holder, IssueFormat.VC_JWT, "Veilig werken met elektrische installaties",
                StudyLoad.sbu(240), 4, "4", today.minusMonths(8),
                "Werkt volgens NEN 3140 aan laagspanningsinstallaties",
                "Herkent en meldt onveilige situaties op de bouwplaats"));
        by.add(roc);
        requests.add(microcredential(holder, IssueFormat.SD_JWT, "Data-analyse met Python",
                StudyLoad.ects(5), 6, "6", today.minusMonths(5),
                "Verkent en schoont een dataset met pandas", "Onderbouwt een regressiemodel voor een opdrachtgever"));
        by.add(hogeschool);
        requests.add(microcredential(holder, IssueFormat.VC_JWT, "Circulair ontwerpen in de gebouwde omgeving",
                StudyLoad.ects(6), 7, "7", today.minusMonths(2),
                "Beoordeelt bouwmaterialen op hergebruik", "Ontwerpt een demontabele gevelconstructie"));
        by.add(universiteit);
        requests.add(IssueRequest.builder(AchievementKind.BADGE).format(IssueFormat.VC_JWT).to(holder)
                .title("Presenteren voor een vakpubliek").description("Hield een pitch op de Dag van de Bouw.")
                .date(today.minusMonths(3)).status(true).build());
        by.add(hogeschool);
        requests.add(IssueRequest.builder(AchievementKind.EXTRACURRICULAR).format(IssueFormat.VC_JWT).to(holder)
                .title("Studentlid opleidingscommissie").description("Een studiejaar lid van de opleidingscommissie HBO-ICT.")
                .date(today.minusMonths(10)).status(true).build());
        by.add(hogeschool);
        requests.add(IssueRequest.builder(AchievementKind.DIPLOMA).format(IssueFormat.VC_JWT).to(holder)
                .title("Master Industrial Ecology").programmeCode("CROHO 60144").eqf(7).nlqf("7").grade("8,1")
                .description("Master of Science, gezamenlijke opleiding met de TU Delft.")
                .date(today.minusYears(1)).status(true).build());
        by.add(universiteit);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            String credential = issuer.issue(by.get(i), requests.get(i)).credential();
            ids.add(wallet.importCredential(credential.getBytes(StandardCharsets.US_ASCII), trust).credential().id());
        }
        // Work experience: declared by the learner, attested by the employer with the toolkit.
        StoredCredential declared = wallet.addWorkExperience(new WorkExperience("Bouwbedrijf De Vries",
                "Werkvoorbereider duurzaam bouwen", YearMonth.from(today.minusYears(2)), YearMonth.from(today.minusMonths(1)),
                "Bereidde renovatieprojecten voor en rekende materiaalkringlopen door.",
                Arrays.asList("BIM", "Materiaalpaspoorten", "Planning")));
        Attestations attestations = new Attestations(context.clock(), context.random());
        String attested = attestations.attest(employer, Attestations.read(wallet.attestationRequest(declared.id())),
                folder.resolve("issuers/attestation.jwt")).issued().credential();
        ids.add(wallet.importCredential(attested.getBytes(StandardCharsets.US_ASCII), trust).credential().id());
        return ids;
    }

    private static IssueRequest microcredential(String holder, IssueFormat format, String title, StudyLoad load, int eqf,
            String nlqf, LocalDate date, String... outcomes) {
        IssueRequest.Builder builder = IssueRequest.builder(AchievementKind.MICROCREDENTIAL).format(format).to(holder).title(title)
                .description("Microcredential uit de landelijke pilot, met externe kwaliteitsborging.")
                .outcomes(Arrays.asList(outcomes)).studyLoad(load).eqf(eqf).nlqf(nlqf)
                .assessment("Praktijkopdracht met criteriumgericht interview")
                .participation("Deeltijd, op locatie en online")
                .qualityAssurance("Instellingsaccreditatie NVAO; kwaliteitskader microcredentials")
                .supervision("Onder toezicht; identiteit gecontroleerd met een geldig identiteitsbewijs")
                .date(date).status(true);
        if (format == IssueFormat.SD_JWT) {
            builder.givenName("Sanne").familyName("Jansen"); // an SD-JWT names its learner in claims
        }
        return builder.build();
    }

    /** An issuer of the toolkit, identified by its did:jwk, its status lists served on loopback. */
    private Organisation organisation(Path folder, String slug, String name, SecureRandom random) throws IOException {
        Path directory = folder.resolve("issuers").resolve(slug);
        Files.createDirectories(directory.resolve("public"));
        HostedFiles files = new HostedFiles(directory.resolve("public")).start(0);
        issuers.add(files);
        return Organisation.create(directory, OrganisationSettings.named(name).withCountry("NL").withStatusBase(files.url()),
                random);
    }

    private void startServer(Path folder, int serverPort, int managementPort, String url, Path trust) throws IOException {
        List<String> command = ServerCommand.command(ServerCommand.serverJar(), serverPort, managementPort, "127.0.0.1",
                folder.resolve("server").resolve("wallet-server.db"), url, trust);
        Files.createDirectories(folder.resolve("server"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("server.log").toFile());
        // The share page checks the demo issuers' status lists, which are on loopback.
        builder.environment().put("WALLET_FETCH_ALLOW_PRIVATE_NETWORKS", "true");
        server = builder.start();
    }

    /** Waits for the server's health endpoint on its management port; the wallet was filled meanwhile. */
    private void awaitServer(String managementUrl) throws InterruptedException {
        long deadline = System.nanoTime() + SERVER_START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new CliException(ExitCode.UNREACHABLE, "DEMO_SERVER", Messages.get("demo.serverFailed"));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) new URL(managementUrl + "/health").openConnection();
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new CliException(ExitCode.UNREACHABLE, "DEMO_SERVER", Messages.get("demo.serverFailed"));
    }

    /** The port asked for when it is free, else any free one. */
    private static int freePort(int wanted) throws IOException {
        try (ServerSocket socket = new ServerSocket(wanted, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException taken) {
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }
    }

    /** Ctrl-C: the server and the issuers stop, and a temporary demo folder goes. */
    private void stop(Path temporaryFolder) {
        if (server != null) {
            server.destroy();
            try {
                server.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (HostedFiles files : issuers) {
            files.stop();
        }
        if (temporaryFolder != null) {
            try (java.util.stream.Stream<Path> paths = Files.walk(temporaryFolder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary folder; the system clears it in the end
            }
        }
    }
}
