package nl.learnerwallet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.learnerwallet.client.share.QrCodes;
import nl.learnerwallet.client.share.ShareLinks;
import nl.learnerwallet.client.sync.ServerClient;
import nl.learnerwallet.client.sync.SyncService;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.model.card.StudyLoad;
import nl.learnerwallet.model.exemption.ExemptionRequest;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.json.UntrustedInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wallet share create|list|show|log|revoke}: links and QR codes for chosen credentials. */
@Command(name = "share", description = "Share chosen credentials with a link and QR code, see who opened it, and revoke it.",
        subcommands = {ShareCommand.Create.class, ShareCommand.ListShares.class, ShareCommand.Show.class,
            ShareCommand.Log.class, ShareCommand.Revoke.class})
final class ShareCommand extends Subcommand implements Runnable {

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), Messages.get("error.noCommand"));
    }

    /** Options to show a link's QR code. */
    static final class QrOptions {
        @Option(names = "--qr", paramLabel = "FILE.png", descriptionKey = "option.qr", description = "Write the link's QR code to a PNG file.")
        Path qr;

        @Option(names = "--qr-terminal", descriptionKey = "option.qrTerminal", description = "Draw the link's QR code in the terminal.")
        boolean terminal;

        void show(WalletCommand root, String url) {
            boolean[][] modules = QrCodes.encode(url);
            if (qr != null) {
                try {
                    QrImages.writePng(modules, qr);
                } catch (IOException e) {
                    throw new CliException(ExitCode.BAD_INPUT, "UNWRITABLE", Messages.get("error.unwritable", qr));
                }
            }
            if (terminal && !root.json()) {
                root.out().print(QrCodes.terminal(modules));
            }
        }
    }

    /** What a learner asks an exam committee, with {@code --purpose exemption}. */
    static final class ExemptionOptions {
        @Option(names = "--institution", paramLabel = "NAME", descriptionKey = "option.exemptionInstitution",
                description = "With --purpose exemption: the institution you ask for an exemption.")
        String institution;

        @Option(names = "--course", paramLabel = "\"CODE NAME\"", descriptionKey = "option.course",
                description = "With --purpose exemption: the course, its code first (\"INF-DB2 Databases 2\").")
        String course;

        @Option(names = "--course-outcomes", paramLabel = "FILE", descriptionKey = "option.courseOutcomes",
                description = "The course's learning outcomes, a text file with one per line (at most 64 KiB).")
        Path outcomes;

        @Option(names = "--course-level", paramLabel = "EQF", descriptionKey = "option.courseLevel",
                description = "The course's EQF level (1-8).")
        Integer level;

        @Option(names = "--course-ects", paramLabel = "N", descriptionKey = "option.courseEcts", description = "The course's study load in EC.")
        java.math.BigDecimal ects;

        @Option(names = "--course-sbu", paramLabel = "N", descriptionKey = "option.courseSbu", description = "The course's study load in SBU (mbo).")
        java.math.BigDecimal sbu;

        @Option(names = "--motivation", paramLabel = "TEXT", descriptionKey = "option.motivation",
                description = "Why your credentials cover the course, for the exam committee.")
        String motivation;

        /**
         * The request, read and checked before anything is sent; null for another purpose.
         *
         * @throws CliException for options without {@code --purpose exemption}, a missing institution or
         *     course, or an outcomes file that is too large or not text
         */
        ExemptionRequest request(String purpose) {
            boolean any = institution != null || course != null || outcomes != null || level != null || ects != null
                    || sbu != null || motivation != null;
            if (!purpose.equals("exemption")) {
                if (any) {
                    throw new CliException(ExitCode.BAD_INPUT, "EXEMPTION_OPTIONS", Messages.get("share.exemptionOnly"));
                }
                return null;
            }
            if (institution == null || course == null) {
                throw new CliException(ExitCode.BAD_INPUT, "EXEMPTION_INCOMPLETE", Messages.get("share.exemptionNeeds"));
            }
            String[] codeAndName = course.trim().split("\\s+", 2);
            if (codeAndName.length < 2) {
                throw new CliException(ExitCode.BAD_INPUT, "BAD_COURSE", Messages.get("share.badCourse", course));
            }
            if (ects != null && sbu != null) {
                throw new CliException(ExitCode.BAD_INPUT, "BAD_STUDY_LOAD", Messages.get("share.oneStudyLoad"));
            }
            StudyLoad load = ects != null ? new StudyLoad(ects, StudyLoad.Unit.ECTS)
                    : sbu != null ? new StudyLoad(sbu, StudyLoad.Unit.SBU) : null;
            return new ExemptionRequest(institution, codeAndName[0], codeAndName[1], outcomes(), level, load, motivation);
        }

        private java.util.List<String> outcomes() {
            if (outcomes == null) {
                return new ArrayList<>();
            }
            try {
                if (java.nio.file.Files.isRegularFile(outcomes)
                        && java.nio.file.Files.size(outcomes) > ExemptionRequest.MAX_OUTCOMES_FILE_BYTES) {
                    throw new CliException(ExitCode.BAD_INPUT, "TOO_LARGE", Messages.get("share.outcomes.TOO_LARGE", outcomes));
                }
            } catch (IOException e) {
                throw new CliException(ExitCode.BAD_INPUT, "UNREADABLE", Messages.get("error.unreadable", outcomes));
            }
            try {
                return ExemptionRequest.outcomesFromText(Inputs.readFile(outcomes.toString()));
            } catch (UntrustedInputException e) {
                String problem = e.problem() == nl.learnerwallet.model.json.InputProblem.TOO_LARGE ? "TOO_LARGE" : "NOT_TEXT";
                throw new CliException(ExitCode.BAD_INPUT, problem, Messages.get("share.outcomes." + problem, outcomes));
            }
        }
    }

    @Command(name = "create", description = "Make a link (and QR code) that shows the chosen credentials, verified, to whoever opens it.")
    static final class Create extends Subcommand implements Runnable {

        @Parameters(paramLabel = "ID", arity = "1..*", descriptionKey = "param.shareIds", description = "The credentials to share.")
        List<String> ids = new ArrayList<>();

        @Option(names = "--expires", paramLabel = "DURATION", defaultValue = "7d", descriptionKey = "option.expires",
                description = "How long the link works: 30m, 12h, 7d, 2w (default 7d).")
        String expires;

        @Option(names = "--max-views", paramLabel = "N", descriptionKey = "option.maxViews", description = "How many times the link may be opened.")
        Integer maxViews;

        @Option(names = "--label", paramLabel = "TEXT", descriptionKey = "option.label",
                description = "A note for yourself, e.g. the employer's name; kept in your wallet, not on the server.")
        String label;

        @Option(names = "--purpose", paramLabel = "employer|exemption", defaultValue = "employer", descriptionKey = "option.purpose",
                description = "Who it is for (default employer).")
        String purpose;

        @Option(names = "--disclose", paramLabel = "CLAIM", arity = "1..*", split = ",", descriptionKey = "option.disclose",
                description = "For SD-JWT credentials: the claims to show (dotted for nested ones, '*' for all); the rest stay hidden. Without it you are asked.")
        List<String> disclose = new ArrayList<>();

        @Option(names = "--no-identities", descriptionKey = "option.noIdentities",
                description = "Do not disclose the e-mail or eduID your badges are issued to (the page then cannot match hashed recipients).")
        boolean withholdIdentities;

        @picocli.CommandLine.Mixin
        QrOptions qr = new QrOptions();

        @picocli.CommandLine.Mixin
        ExemptionOptions exemption = new ExemptionOptions();

        @Override
        public void run() {
            WalletCommand root = root();
            if (!purpose.equals("employer") && !purpose.equals("exemption")) {
                throw new CliException(ExitCode.BAD_INPUT, "BAD_PURPOSE", Messages.get("error.badPurpose", purpose));
            }
            ExemptionRequest request = exemption.request(purpose);
            if (maxViews != null && maxViews < 1) {
                throw new CliException(ExitCode.BAD_INPUT, "BAD_MAX_VIEWS", Messages.get("error.badMaxViews", maxViews));
            }
            try (Wallet wallet = root.unlock()) {
                ShareLinks links = new ShareLinks(wallet, SyncService.clientFor(wallet, root.context()), root.context());
                List<String> claims = DisclosureChoice.resolve(root, wallet, ids, disclose);
                ShareLinks.ShareLink link = links.create(new ShareLinks.Request(ids, Durations.parse(expires), maxViews, label,
                        purpose, !withholdIdentities, claims, request), root.home().trustList());
                qr.show(root, link.url());
                if (root.json()) {
                    ObjectNode document = StrictJson.mapper().createObjectNode();
                    document.put("id", link.id());
                    document.put("url", link.url());
                    document.put("expiresAt", link.expiresAt().toString());
                    if (qr.qr != null) {
                        document.put("qr", qr.qr.toString());
                    }
                    root.printJson(document);
                    return;
                }
                root.out().println(Messages.get("share.created", link.titles().size(), link.expiresAt()));
                root.out().println(link.url());
                if (qr.qr != null) {
                    root.out().println(Messages.get("share.qrWritten", qr.qr));
                }
            }
        }
    }

    @Command(name = "list", description = "List your shares with their state and views.")
    static final class ListShares extends Subcommand implements Runnable {
        @Override
        public void run() {
            WalletCommand root = root();
            try (Wallet wallet = root.unlock()) {
                ServerClient server = SyncService.clientFor(wallet, root.context());
                List<ShareLinks.ShareLink> links = new ShareLinks(wallet, server, root.context()).list();
                List<ServerClient.ShareState> states = server.shares();
                ArrayNode document = StrictJson.mapper().createArrayNode();
                for (ShareLinks.ShareLink link : links) {
                    ServerClient.ShareState state = stateOf(states, link.id());
                    ObjectNode each = describe(link, state);
                    document.add(each);
                    if (!root.json()) {
                        root.out().printf("%-16s  %-9s  %-5s  %s%s%n", link.id(), each.path("state").asText(),
                                each.path("views").asText(), String.join(", ", link.titles()),
                                link.label() == null ? "" : "  (" + link.label() + ")");
                    }
                }
                if (root.json()) {
                    root.printJson(document);
                } else if (links.isEmpty()) {
                    root.out().println(Messages.get("share.none"));
                }
            }
        }
    }

    @Command(name = "show", description = "Show a share: its link (and QR code again), state and views.")
    static final class Show extends Subcommand implements Runnable {

        @Parameters(paramLabel = "SHARE", descriptionKey = "param.shareId", description = "The share's id (or its first characters).")
        String id;

        @picocli.CommandLine.Mixin
        QrOptions qr = new QrOptions();

        @Option(names = "--import-decisions", descriptionKey = "option.importDecisions",
                description = "For an exemption share: import the exam committee's decisions into your wallet.")
        boolean importDecisions;

        @Override
        public void run() {
            WalletCommand root = root();
            try (Wallet wallet = root.unlock()) {
                ServerClient server = SyncService.clientFor(wallet, root.context());
                ShareLinks links = new ShareLinks(wallet, server, root.context());
                ShareLinks.ShareLink link = find(links, id);
                ObjectNode document = describe(link, server.share(link.id()));
                List<ShareDecisions.Shown> decisions = link.purpose().equals("exemption")
                        ? ShareDecisions.fetch(root, wallet, links, link, importDecisions) : new ArrayList<>();
                qr.show(root, link.url());
                if (root.json()) {
                    if (link.purpose().equals("exemption")) {
                        ShareDecisions.json(document.putArray("decisions"), decisions);
                    }
                    root.printJson(document);
                    return;
                }
                root.out().println(link.url());
                root.out().println(Messages.get("share.state", document.path("state").asText(), document.path("views").asText(),
                        link.expiresAt()));
                root.out().println(String.join("\n", link.titles()));
                ShareDecisions.print(root, decisions);
            }
        }
    }

    @Command(name = "log", description = "When a share was opened, and by what kind of browser (no addresses are kept).")
    static final class Log extends Subcommand implements Runnable {

        @Parameters(paramLabel = "SHARE", descriptionKey = "param.shareId", description = "The share's id (or its first characters).")
        String id;

        @Override
        public void run() {
            onShare(root(), id, (root, server, link) -> {
                ArrayNode document = StrictJson.mapper().createArrayNode();
                for (ServerClient.ShareViewEntry entry : server.shareLog(link.id())) {
                    document.addObject().put("at", Instant.ofEpochSecond(entry.at()).toString()).put("kind", entry.kind())
                            .put("browser", entry.browser());
                    if (!root.json()) {
                        root.out().printf("%s  %-8s %s%n", Instant.ofEpochSecond(entry.at()),
                                Messages.get("share.kind." + entry.kind()), entry.browser());
                    }
                }
                if (root.json()) {
                    root.printJson(document);
                } else if (document.isEmpty()) {
                    root.out().println(Messages.get("share.notOpened"));
                }
            });
        }
    }

    @Command(name = "revoke", description = "Revoke a share: the link stops working at once.")
    static final class Revoke extends Subcommand implements Runnable {

        @Parameters(paramLabel = "SHARE", descriptionKey = "param.shareId", description = "The share's id (or its first characters).")
        String id;

        @Override
        public void run() {
            onShare(root(), id, (root, server, link) -> {
                ServerClient.ShareState state = server.revokeShare(link.id());
                if (root.json()) {
                    root.printJson(describe(link, state));
                } else {
                    root.out().println(Messages.get("share.revoked", link.id()));
                }
            });
        }
    }

    /** What a command does with one of the learner's shares. */
    private interface ShareAction {
        void run(WalletCommand root, ServerClient server, ShareLinks.ShareLink link);
    }

    /** Unlocks the wallet, finds the share by (the start of) its id, and runs the action on it. */
    private static void onShare(WalletCommand root, String id, ShareAction action) {
        try (Wallet wallet = root.unlock()) {
            ServerClient server = SyncService.clientFor(wallet, root.context());
            action.run(root, server, find(new ShareLinks(wallet, server, root.context()), id));
        }
    }

    private static ShareLinks.ShareLink find(ShareLinks links, String id) {
        try {
            return links.find(id);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.BAD_INPUT, "UNKNOWN_SHARE", Messages.get("error.unknownShare", id));
        }
    }

    private static ServerClient.ShareState stateOf(List<ServerClient.ShareState> states, String id) {
        for (ServerClient.ShareState state : states) {
            if (state.id().equals(id)) {
                return state;
            }
        }
        return null;
    }

    private static ObjectNode describe(ShareLinks.ShareLink link, ServerClient.ShareState state) {
        ObjectNode node = StrictJson.mapper().createObjectNode();
        node.put("id", link.id());
        node.put("url", link.url());
        node.put("state", state == null ? "GONE" : state.state());
        node.put("views", state == null ? 0 : state.views());
        if (link.maxViews() != null) {
            node.put("maxViews", link.maxViews());
        }
        node.put("expiresAt", link.expiresAt().toString());
        node.put("purpose", link.purpose());
        if (link.label() != null) {
            node.put("label", link.label());
        }
        ArrayNode titles = node.putArray("credentials");
        link.titles().forEach(titles::add);
        return node;
    }
}
