package nl.learnerwallet.server.support;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.learnerwallet.server.ops.ServerTool;

/** One run of the server jar's operator commands in-process: what it printed and its exit code. */
public record ToolRun(int exit, String out, String err) {

    /** Runs {@code wallet-server ARGS...} with {@code properties} on top of the server's configuration. */
    public static ToolRun of(Map<String, Object> properties, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new ServerTool(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), properties).run(args);
        return new ToolRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
