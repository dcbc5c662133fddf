package nl.learnerwallet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import nl.learnerwallet.issuer.Attestations;
import nl.learnerwallet.issuer.Baker;
import nl.learnerwallet.issuer.HostedFiles;
import nl.learnerwallet.issuer.IssueResult;
import nl.learnerwallet.issuer.IssuerException;
import nl.learnerwallet.issuer.Organisation;
import nl.learnerwallet.issuer.OrganisationSettings;
import nl.learnerwallet.issuer.PublishedFile;
import nl.learnerwallet.issuer.SigningAlgorithm;
import nl.learnerwallet.issuer.StatusLists;
import nl.learnerwallet.model.attestation.AttestationRequest;
import nl.learnerwallet.model.attestation.WorkExperience;
import nl.learnerwallet.model.card.EuStandardElement;
import nl.learnerwallet.model.json.StrictJson;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wallet issuer ...}: the issuer toolkit for institutions and employers, a thin adapter over
 * the issuer-toolkit module (organisations, issuing, baking, revoking, attesting, serving).
 */
@Command(name = "issuer", description = "The issuer toolkit, for institutions and employers: sign credentials that wallets verify.",
        subcommands = {IssuerCommand.Init.class, IssueCommand.class, IssuerCommand.Bake.class, IssuerCommand.Revoke.class,
            IssuerCommand.Attest.class, DecideCommand.class, IssuerCommand.Serve.class})
final class IssuerCommand extends Subcommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), Messages.get("error.noCommand"));
    }

    @Command(name = "init", description = "Create an organisation: its signing key, and the files to publish so that wallets find the key.")
    static final class Init extends Subcommand implements Runnable {

        @Parameters(paramLabel = "DIR", descriptionKey = "param.organisationDir",
                description = "The folder for the organisation (created if needed; its private key stays in DIR/private).")
        Path directory;

        @Option(names = "--name", required = true, paramLabel = "NAME", descriptionKey = "option.organisationName",
                description = "The organisation's name, as credentials show it.")
        String name;

        @Option(names = "--did", paramLabel = "did:web:HOST[:PATH]", descriptionKey = "option.did",
                description = "Identify the organisation by this did:web (its DID document is published at the DID's URL).")
        String did;

        @Option(names = "--url", paramLabel = "https://HOST[/PATH]", descriptionKey = "option.issuerUrl",
                description = "Identify it by this https URL (without --did), or with --did: publish its files here, on the same host.")
        String url;

        @Option(names = "--country", paramLabel = "CC", defaultValue = "NL", descriptionKey = "option.country",
                description = "The organisation's country, two letters (default NL).")
        String country;

        @Option(names = "--alg", paramLabel = "ES256|EdDSA", defaultValue = "ES256", descriptionKey = "option.alg",
                description = "The signing algorithm (default ES256).")
        String algorithm;

        @Option(names = "--status-base", paramLabel = "URL", descriptionKey = "option.statusBase",
                description = "Without --did or --url: where its status lists will be published, so that it can revoke (e.g. http://127.0.0.1:8766 for `wallet issuer serve`).")
        String statusBase;

        @Override
        public void run() {
            WalletCommand root = root();
            OrganisationSettings settings = new OrganisationSettings(name, did, url, country, SigningAlgorithm.of(algorithm),
                    statusBase);
            Organisation organisation = Organisation.create(directory, settings, root.context().random());
            List<PublishedFile> files = organisation.publishedFiles();
            if (root.json()) {
                ObjectNode document = StrictJson.mapper().createObjectNode();
                document.put("issuer", organisation.issuerId());
                document.put("name", organisation.name());
                document.put("keyId", organisation.keyId());
                document.put("directory", organisation.directory().toString());
                filesJson(document.putArray("files"), files);
                root.printJson(document);
                return;
            }
            root.out().println(Messages.get("issuer.created", organisation.name(), organisation.directory()));
            root.out().println(Messages.get("issuer.identity", organisation.issuerId()));
            root.out().println(Messages.get("issuer.keyKept", organisation.directory().resolve(Organisation.KEY_FILE)));
            if (files.isEmpty()) {
                root.out().println(organisation.statusBaseUrl() == null ? Messages.get("issuer.nothingToPublish")
                        : Messages.get("issuer.statusListsLater", organisation.statusBaseUrl(),
                                organisation.publicDirectory().resolve("status")));
            } else {
                root.out().println(Messages.get("issuer.publish"));
                printFiles(root, files);
            }
        }
    }

    @Command(name = "bake", description = "Bake a credential (VC-JWT, OB 3.0 or OB 2.0 JSON) into a PNG or SVG image that carries it.")
    static final class Bake extends Subcommand implements Runnable {

        @Parameters(paramLabel = "CREDENTIAL_FILE", descriptionKey = "param.bakeCredential", description = "The credential to bake.")
        String credential;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Output output;

        static final class Output {
            @Option(names = "--png", required = true, paramLabel = "OUT.png", descriptionKey = "option.bakePng",
                    description = "Write a PNG (iTXt openbadgecredential, or openbadges for OB 2.0).")
            Path png;

            @Option(names = "--svg", required = true, paramLabel = "OUT.svg", descriptionKey = "option.bakeSvg",
                    description = "Write an SVG (<openbadges:credential>, or <openbadges:assertion> for OB 2.0).")
            Path svg;
        }

        @Option(names = "--image", paramLabel = "IN.png|IN.svg", descriptionKey = "option.bakeImage",
                description = "The image to bake into (of the same kind as the output); without it a simple one is drawn.")
        String image;

        @Override
        public void run() {
            WalletCommand root = root();
            byte[] input = Inputs.readFile(credential);
            byte[] given = image == null ? null : Inputs.readFile(image);
            Path out = output.png != null ? output.png : output.svg;
            byte[] baked = output.png != null ? Baker.png(input, given)
                    : Baker.svg(input, given == null ? null : new String(given, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            writeNew(out, baked);
            if (root.json()) {
                root.printJson(StrictJson.mapper().createObjectNode().put("file", out.toAbsolutePath().toString())
                        .put("image", output.png != null ? "png" : "svg"));
            } else {
                root.out().println(Messages.get("issuer.baked", credential, out));
            }
        }
    }

    @Command(name = "revoke", description = "Revoke (or suspend) a credential issued with --status: its entry in the status list is set and the list is written again.")
    static final class Revoke extends Subcommand implements Runnable {

        @Mixin
        OrganisationFolder folder;

        @Parameters(index = "1", paramLabel = "CREDENTIAL_ID", descriptionKey = "param.revokeId",
                description = "The credential's id, as `issue` printed it (urn:uuid:…, or the UUID alone).")
        String id;

        @Option(names = "--suspend", descriptionKey = "option.suspend",
                description = "Suspend rather than revoke (SD-JWT credentials, whose Token Status List can say so).")
        boolean suspend;

        @Override
        public void run() {
            WalletCommand root = root();
            Organisation organisation = folder.open();
            StatusLists.Revocation revocation = new StatusLists(root.context().clock(), root.context().random())
                    .revoke(organisation, id, suspend);
            if (root.json()) {
                ObjectNode document = StrictJson.mapper().createObjectNode();
                document.put("id", revocation.id());
                document.put("state", revocation.entry().state().name().toLowerCase(java.util.Locale.ROOT));
                document.put("list", revocation.entry().url());
                document.put("index", revocation.entry().index());
                document.put("file", revocation.listFile().toString());
                root.printJson(document);
                return;
            }
            root.out().println(Messages.get("issuer.revoked." + revocation.entry().state().name(), revocation.id()));
            root.out().println(Messages.get("issuer.publishList", revocation.listFile(), revocation.entry().url()));
        }
    }

    @Command(name = "attest", description = "Check a learner's work-experience attestation request and sign back a credential that attests it.")
    static final class Attest extends Subcommand implements Runnable {

        @Mixin
        OrganisationFolder folder;

        @Parameters(index = "1", paramLabel = "REQUEST_FILE_OR_LINK", descriptionKey = "param.attestRequest",
                description = "The request: the file the learner sent, or the lw-attest: link.")
        String request;

        @Option(names = "--out", paramLabel = "FILE", descriptionKey = "option.issueOut",
                description = "Write the credential here (default DIR/issued/ID.jwt).")
        Path out;

        @Override
        public void run() {
            WalletCommand root = root();
            Organisation organisation = folder.open();
            String text = request.trim().startsWith(AttestationRequest.LINK_PREFIX) ? request
                    : new String(Inputs.readFile(request), StandardCharsets.UTF_8);
            AttestationRequest read = Attestations.read(text);
            if (Attestations.namesAnotherEmployer(organisation, read)) {
                root.err().println(Messages.get("issuer.otherEmployer", read.experience().employer(), organisation.name()));
            }
            if (!root.json()) {
                printDeclared(root, read);
            }
            Attestations.Attestation attestation = new Attestations(clock(root), root.context().random())
                    .attest(organisation, read, out);
            IssueResult issued = attestation.issued();
            if (root.json()) {
                root.printJson(StrictJson.mapper().createObjectNode().put("id", issued.id())
                        .put("file", issued.file().toString()));
                return;
            }
            root.out().println(Messages.get("issuer.attested", issued.id(), issued.file()));
        }

        private static void printDeclared(WalletCommand root, AttestationRequest request) {
            WorkExperience work = request.experience();
            root.out().println(Messages.get("issuer.declared", request.holder()));
            root.out().println("  " + Messages.get("issuer.employer") + ": " + work.employer());
            root.out().println("  " + Messages.get("issuer.role") + ": " + work.role());
            root.out().println("  " + Messages.get("issuer.period") + ": " + (work.to() == null
                    ? Messages.get("issuer.since", work.from().toString()) : work.from() + " \u2013 " + work.to()));
            if (work.description() != null) {
                root.out().println("  " + Messages.get("issuer.description") + ": " + work.description());
            }
            if (!work.skills().isEmpty()) {
                root.out().println("  " + Messages.get("issuer.skills") + ": " + String.join(", ", work.skills()));
            }
        }
    }

    @Command(name = "serve", description = "Serve the organisation's public files over HTTP on 127.0.0.1, for local testing and the demo, until Ctrl-C.")
    static final class Serve extends Subcommand implements Runnable {

        @Mixin
        OrganisationFolder folder;

        @Option(names = "--port", paramLabel = "N", descriptionKey = "option.servePort",
                description = "The port (default: that of the organisation's loopback --status-base, else 8766; 0 picks a free one).")
        Integer port;

        @Override
        public void run() {
            WalletCommand root = root();
            Organisation organisation = folder.open();
            int chosen = port != null ? port : defaultPort(organisation);
            if (chosen < 0 || chosen > 65535) {
                throw new CliException(ExitCode.BAD_INPUT, "BAD_PORT", Messages.get("error.badPort", chosen));
            }
            HostedFiles files = new HostedFiles(organisation.publicDirectory()).start(chosen);
            CountDownLatch stopped = new CountDownLatch(1);
            Thread stopper = new Thread(() -> {
                files.stop();
                stopped.countDown();
            });
            Runtime.getRuntime().addShutdownHook(stopper);
            try {
                announce(root, organisation, files);
                stopped.await();
            } catch (InterruptedException e) {
                // Stopped by whoever runs it in-process (a test, the demo).
                Thread.currentThread().interrupt();
            } finally {
                files.stop();
                try {
                    Runtime.getRuntime().removeShutdownHook(stopper);
                } catch (IllegalStateException shuttingDown) {
                    // Ctrl-C: the hook is running already.
                }
            }
        }

        private static void announce(WalletCommand root, Organisation organisation, HostedFiles files) {
            List<String> urls = new ArrayList<>();
            for (PublishedFile file : organisation.publishedFiles()) {
                urls.add(files.url() + URI.create(file.url()).getRawPath());
            }
            if (root.json()) {
                ObjectNode document = StrictJson.mapper().createObjectNode();
                document.put("url", files.url());
                ArrayNode list = document.putArray("files");
                urls.forEach(list::add);
                root.printJson(document);
                return;
            }
            root.out().println(Messages.get("issuer.serving", organisation.publicDirectory(), files.url()));
            urls.forEach(url -> root.out().println("  " + url));
            if (organisation.baseUrl() != null) {
                root.out().println(Messages.get("issuer.servingHostedNote", organisation.baseUrl()));
            }
            root.out().flush();
        }

        /** A did:jwk organisation's loopback status URL names the port it expects to be served on. */
        private static int defaultPort(Organisation organisation) {
            String base = organisation.statusBaseUrl();
            if (base != null && organisation.baseUrl() == null) {
                URI uri = URI.create(base);
                if ("http".equals(uri.getScheme()) && uri.getPort() > 0
                        && ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()))) {
                    return uri.getPort();
                }
            }
            return 8766;
        }
    }

    // ---- what the subcommands share

    /** The organisation's folder, which every subcommand but {@code init} names first. */
    static final class OrganisationFolder {
        @Parameters(index = "0", paramLabel = "DIR", descriptionKey = "param.organisationDir",
                description = "The organisation's folder.")
        Path directory;

        Organisation open() {
            return Organisation.open(directory);
        }
    }

    /** The issuer's calendar is this machine's: "today" and a date's first moment are local. */
    static Clock clock(WalletCommand root) {
        return root.context().clock().withZone(ZoneId.systemDefault());
    }

    static void writeNew(Path file, byte[] content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new CliException(ExitCode.BAD_INPUT, "FILE_EXISTS", Messages.get("issuer.FILE_EXISTS", file));
        } catch (IOException e) {
            throw new CliException(ExitCode.BAD_INPUT, "UNWRITABLE", Messages.get("error.unwritable", file));
        }
    }

    private static void filesJson(ArrayNode list, List<PublishedFile> files) {
        for (PublishedFile file : files) {
            list.addObject().put("url", file.url()).put("file", file.file().toString());
        }
    }

    private static void printFiles(WalletCommand root, List<PublishedFile> files) {
        for (PublishedFile file : files) {
            root.out().println("  " + file.url());
            root.out().println("      \u2190 " + file.file());
        }
    }

    /** The sentence for a toolkit refusal, in the user's language. */
    static String sentence(IssuerException failure) {
        List<String> arguments = failure.arguments();
        String first = arguments.isEmpty() ? "" : arguments.get(0);
        switch (failure.problem()) {
            case BAD_SETTING:
                return Messages.get("issuer.setting." + first);
            case BAD_FIELD:
                return Messages.get("issuer.field." + first);
            case BAD_ISSUE_FILE:
                return arguments.isEmpty() ? Messages.get("issuer.BAD_ISSUE_FILE.document")
                        : Messages.get("issuer.BAD_ISSUE_FILE", first);
            case NOT_A_DOSSIER:
                return Messages.get("issuer.NOT_A_DOSSIER." + first);
            case INCOMPLETE_MICROCREDENTIAL:
                return Messages.get("issuer.INCOMPLETE_MICROCREDENTIAL", elements(arguments));
            case NOT_BAKEABLE:
                return first.equals("unknown") ? Messages.get("issuer.NOT_BAKEABLE.unknown")
                        : Messages.get("issuer.NOT_BAKEABLE", first);
            case BAD_IMAGE:
                return Messages.get("issuer.BAD_IMAGE", Messages.getOr("issuer.image." + first,
                        Messages.getOr("input." + first, failure.getMessage())));
            case UNREADABLE:
                return Messages.get("error.unreadable", first);
            case UNWRITABLE:
                return Messages.get("error.unwritable", first);
            default:
                return Messages.get("issuer." + failure.problem().name(), arguments.toArray());
        }
    }

    /** The EU standard elements by their ids, as the user's language names them. */
    static String elements(List<String> ids) {
        List<String> names = new ArrayList<>();
        for (String id : ids) {
            names.add(Messages.get("eu." + id));
        }
        return String.join(", ", names);
    }

    /** The ids of EU standard elements. */
    static List<String> ids(List<EuStandardElement> elements) {
        List<String> ids = new ArrayList<>();
        for (EuStandardElement element : elements) {
            ids.add(element.id());
        }
        return ids;
    }
}
