package nl.learnerwallet.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

/**
 * The OpenWallet Foundation's sd-jwt-js, an SD-JWT VC implementation independent of ours, run
 * as Node scripts from {@code interop/sd-jwt-js} (see its README.md for the request and response
 * JSON of each). Each call starts {@code node} with the request on stdin.
 *
 * <p>The scripts' folder is found by walking up from {@code user.dir} to the directory that holds
 * {@code interop/sd-jwt-js/package.json}. When its {@code node_modules} is missing, the first call
 * runs {@code npm ci} there, so tests work from a clean clone (needs the npm registry).
 *
 * <p>Every method throws {@link IllegalStateException} when the folder is not found, node or npm
 * cannot be run, a script fails or rejects the request (its stderr is in the message), or a run
 * takes longer than its hang guard; a presentation that does not verify is not such a failure.
 */
public final class SdJwtJs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCRIPTS = Paths.get("interop", "sd-jwt-js");
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(2);
    /** verify.mjs's exit code for "did not verify", as opposed to a failure of the script. */
    private static final int NOT_VERIFIED = 1;


    private SdJwtJs() {
    }

    /** Issues an SD-JWT VC with issue.mjs; returns the compact {@code <jwt>~<disclosure>~...~}. */
    public static String issue(ObjectNode request) {
        return succeeded(run("issue.mjs", request)).trim();
    }

    /** Makes a presentation with present.mjs; returns the compact presentation, KB-JWT last. */
    public static String present(ObjectNode request) {
        return succeeded(run("present.mjs", request)).trim();
    }

    /**
     * Verifies a presentation with verify.mjs; returns its output whether it verified or not:
     * {@code {"verified": true, "header", "payload", "keyBinding"}} or
     * {@code {"verified": false, "rejectedBy", "error"}}.
     */
    public static JsonNode verify(ObjectNode request) {
        NodeFolder.Result result = run("verify.mjs", request);
        if (result.exitCode() != 0 && result.exitCode() != NOT_VERIFIED) {
            throw result.failure();
        }
        JsonNode output;
        try {
            output = JSON.readTree(result.stdout());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("verify.mjs printed no JSON: " + result.stdout(), e);
        }
        if (output == null || output.path("verified").asBoolean() != (result.exitCode() == 0)) {
            throw new IllegalStateException("verify.mjs exited " + result.exitCode() + " but printed " + result.stdout());
        }
        return output;
    }

    private static String succeeded(NodeFolder.Result result) {
        if (result.exitCode() != 0) {
            throw result.failure();
        }
        return result.stdout();
    }

    private static NodeFolder.Result run(String script, ObjectNode request) {
        Path scripts = NodeFolder.installed(SCRIPTS, "package.json", List.of("@sd-jwt/sd-jwt-vc", "@sd-jwt/crypto-nodejs"));
        byte[] input;
        try {
            input = JSON.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the request for " + script, e);
        }
        return NodeFolder.run(scripts, List.of("node", script), input, SCRIPT_TIMEOUT);
    }
}
