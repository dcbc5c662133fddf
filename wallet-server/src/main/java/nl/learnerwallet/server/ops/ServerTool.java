package nl.learnerwallet.server.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.ApplicationContext;
import java.io.PrintStream;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.server.db.DatabaseCopy;
import nl.learnerwallet.server.db.DatabaseKind;

/**
 * The server jar's commands for operators, run instead of the server and on the database its
 * configuration names (the same {@code application.yml}, {@code -D} properties and environment
 * variables, e.g. {@code WALLET_DATABASE} or {@code DATASOURCES_DEFAULT_URL}):
 *
 * <pre>
 * admin takedown SHARE_ID|LINK --reason TEXT [--operator NAME]
 * admin suspend ACCOUNT_KEY|SHARE_ID|LINK --reason TEXT [--operator NAME]     (a share: the account behind it)
 * admin unsuspend ACCOUNT_KEY|SHARE_ID|LINK --reason TEXT [--operator NAME]
 * admin log [SHARE_ID|ACCOUNT_KEY]
 * migrate-to JDBC_URL --from SQLITE_FILE      (user and password: DATASOURCES_DEFAULT_USERNAME/_PASSWORD)
 * </pre>
 *
 * {@code --json} prints one JSON document. Exit codes as the wallet command's: 0 done, 2 refused
 * or bad usage, 3 the database could not be reached. Errors are one sentence on stderr.
 */
public final class ServerTool {

    static final int OK = 0;
    static final int REFUSED = 2;
    static final int UNREACHABLE = 3;
    private static final String USAGE = "usage: admin takedown SHARE_ID|LINK --reason TEXT"
            + " | admin suspend ACCOUNT_KEY|SHARE_ID|LINK --reason TEXT | admin unsuspend ACCOUNT_KEY|SHARE_ID|LINK --reason TEXT"
            + " | admin log [SUBJECT] | migrate-to JDBC_URL --from SQLITE_FILE (each with [--operator NAME] [--json])";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, Object> properties;

    /** @param properties configuration on top of the server's own (tests name their database here) */
    public ServerTool(PrintStream out, PrintStream err, Map<String, Object> properties) {
        this.out = out;
        this.err = err;
        this.properties = properties;
    }

    /** Whether the arguments ask for a command rather than the server. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("admin") || args[0].equals("migrate-to"));
    }

    /** Runs the command; returns the exit code. */
    public int run(String[] args) {
        if (List.of(args).contains("--help")) {
            out.println(USAGE);
            return OK;
        }
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (AdminRefusal refusal) {
            return refuse(refusal, false);
        }
        try {
            if (arguments.command().equals("migrate-to")) {
                return migrate(arguments);
            }
            return admin(arguments);
        } catch (AdminRefusal refusal) {
            return refuse(refusal, arguments.json());
        } catch (DatabaseCopy.CopyRefusedException | DatabaseKind.UnsupportedDatabaseException refused) {
            return refuse(new AdminRefusal(AdminRefusal.Reason.BAD_USAGE, refused.getMessage()), arguments.json());
        } catch (RuntimeException failure) {
            Throwable cause = failure;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            String message = String.valueOf(cause.getMessage()).split("\n")[0];
            return fail(arguments.json(), "DATABASE", "the database could not be reached or refused the command: " + message,
                    UNREACHABLE);
        }
    }

    private int admin(Arguments arguments) {
        String action = arguments.positional(0, "admin needs an action: takedown, suspend, unsuspend or log");
        if (!List.of("takedown", "suspend", "unsuspend", "log").contains(action)) {
            throw new AdminRefusal(AdminRefusal.Reason.BAD_USAGE, "unknown admin action " + action + "; " + USAGE);
        }
        String subject = action.equals("log") ? (arguments.positionals().size() > 1 ? arguments.positionals().get(1) : null)
                : arguments.positional(1, action + " needs "
                        + (action.equals("takedown") ? "the share's id or link" : "the account key, or a share of the account"));
        String reason = arguments.option("reason", null);
        if (!action.equals("log") && reason == null) {
            throw new AdminRefusal(AdminRefusal.Reason.NO_REASON, AdminService.NO_REASON);
        }
        try (ApplicationContext context = context(Map.of())) {
            AdminService admin = context.getBean(AdminService.class);
            String operator = arguments.option("operator", System.getProperty("user.name", "operator"));
            if (action.equals("log")) {
                printTrail(admin.trail(subject), arguments.json());
                return OK;
            }
            AdminAction done = action.equals("takedown") ? admin.takeDown(subject, reason, operator)
                    : action.equals("suspend") ? admin.suspend(subject, reason, operator)
                    : admin.unsuspend(subject, reason, operator);
            if (arguments.json()) {
                out.println(json(done));
            } else {
                out.println(done.action() + " " + done.subject() + " done at " + Instant.ofEpochSecond(done.actedAt())
                        + "; audit entry " + done.id());
            }
            return OK;
        }
    }

    private int migrate(Arguments arguments) {
        String target = arguments.positional(0, "migrate-to needs the target database's JDBC URL");
        DatabaseKind.ofUrl(target);
        String from = arguments.option("from", null);
        if (from == null) {
            throw new AdminRefusal(AdminRefusal.Reason.BAD_USAGE, "migrate-to needs --from, the server's SQLite file");
        }
        Map<String, Long> copied;
        try (ApplicationContext context = context(Map.of("datasources.default.url", target))) {
            copied = context.getBean(DatabaseCopy.class).copyFrom(Paths.get(from));
        }
        if (arguments.json()) {
            ObjectNode answer = StrictJson.mapper().createObjectNode();
            ObjectNode tables = answer.putObject("copied");
            copied.forEach(tables::put);
            out.println(answer);
        } else {
            List<String> counts = new ArrayList<>();
            copied.forEach((table, rows) -> counts.add(rows + " " + table.replace('_', ' ')));
            out.println("Copied into " + target.replaceAll("\\?.*", "") + ": " + String.join(", ", counts) + ".");
        }
        return OK;
    }

    private ApplicationContext context(Map<String, Object> overrides) {
        Map<String, Object> all = new HashMap<>(properties);
        all.putAll(overrides);
        // A command, not a server: no scheduled deletions.
        all.put("wallet.retention.enabled", "false");
        return ApplicationContext.builder().properties(all).start();
    }

    private void printTrail(List<AdminAction> trail, boolean json) {
        if (json) {
            ArrayNode list = StrictJson.mapper().createArrayNode();
            trail.forEach(action -> list.add(json(action)));
            out.println(list);
            return;
        }
        for (AdminAction action : trail) {
            out.println(Instant.ofEpochSecond(action.actedAt()) + "  " + action.action() + "  " + action.subject() + "  by "
                    + action.operator() + ": " + action.reason());
        }
    }

    private static ObjectNode json(AdminAction action) {
        ObjectNode node = StrictJson.mapper().createObjectNode();
        node.put("entry", action.id());
        node.put("at", Instant.ofEpochSecond(action.actedAt()).toString());
        node.put("action", action.action());
        node.put("subject", action.subject());
        node.put("reason", action.reason());
        node.put("operator", action.operator());
        return node;
    }

    private int refuse(AdminRefusal refusal, boolean json) {
        return fail(json, refusal.code(), refusal.getMessage(), REFUSED);
    }

    private int fail(boolean json, String code, String message, int exit) {
        if (json) {
            ObjectNode error = StrictJson.mapper().createObjectNode();
            error.put("error", code);
            error.put("message", message);
            out.println(error);
        }
        String sentence = message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
        err.println(sentence.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + sentence.substring(1) + ".");
        return exit;
    }

    /** The command line: positional words, {@code --name value} options and the {@code --json} flag. */
    record Arguments(String command, List<String> positionals, Map<String, String> options, boolean json) {

        private static final List<String> WITH_VALUE = List.of("reason", "operator", "from");

        static Arguments parse(String[] args) {
            List<String> positionals = new ArrayList<>();
            Map<String, String> options = new HashMap<>();
            boolean json = false;
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--json")) {
                    json = true;
                } else if (arg.startsWith("--") && WITH_VALUE.contains(arg.substring(2))) {
                    if (i + 1 >= args.length) {
                        throw new AdminRefusal(AdminRefusal.Reason.BAD_USAGE, arg + " needs a value; " + USAGE);
                    }
                    options.put(arg.substring(2), args[++i]);
                } else if (arg.startsWith("--")) {
                    throw new AdminRefusal(AdminRefusal.Reason.BAD_USAGE, "unknown option " + arg + "; " + USAGE);
                } else {
                    positionals.add(arg);
                }
            }
            return new Arguments(args[0], positionals, options, json);
        }

        String positional(int index, String missing) {
            if (positionals.size() <= index) {
                throw new AdminRefusal(AdminRefusal.Reason.BAD_USAGE, missing + "; " + USAGE);
            }
            return positionals.get(index);
        }

        String option(String name, String otherwise) {
            return options.getOrDefault(name, otherwise);
        }
    }
}
