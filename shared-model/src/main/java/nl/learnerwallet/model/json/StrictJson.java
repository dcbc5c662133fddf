package nl.learnerwallet.model.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Parses JSON from untrusted sources with limits applied while reading, so that hostile input
 * fails fast with a typed {@link UntrustedInputException} instead of exhausting the stack or memory:
 * nesting depth, document size, string and number lengths, and duplicate keys (which two parsers
 * could resolve differently) are all refused.
 */
public final class StrictJson {

    /** Credentials nest a handful of levels; 64 leaves room for any real one. */
    public static final int MAX_DEPTH = 64;
    public static final int MAX_NUMBER_LENGTH = 64;
    public static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
    /**
     * A whole wallet (a backup's plaintext: a thousand credentials with their originals is about
     * 6 MiB) may be larger than any single credential; still bounded.
     */
    public static final int MAX_WALLET_DOCUMENT_BYTES = 64 * 1024 * 1024;

    private static final ObjectMapper MAPPER = mapper(MAX_DOCUMENT_BYTES);
    private static final ObjectMapper WALLET_MAPPER = mapper(MAX_WALLET_DOCUMENT_BYTES);

    private static ObjectMapper mapper(int maxBytes) {
        return JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxNestingDepth(MAX_DEPTH)
                                .maxNumberLength(MAX_NUMBER_LENGTH)
                                .maxStringLength(maxBytes)
                                .maxDocumentLength(maxBytes)
                                .build())
                        .build())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }

    private StrictJson() {
    }

    /**
     * @throws UntrustedInputException with {@code TOO_LARGE}, {@code TOO_DEEP},
     *     {@code DUPLICATE_KEY} or {@code NOT_JSON} when the bytes are not acceptable JSON
     */
    public static JsonNode parse(byte[] json) {
        return parse(json, MAPPER, MAX_DOCUMENT_BYTES);
    }

    /** As {@link #parse}, for a whole wallet's document (up to {@link #MAX_WALLET_DOCUMENT_BYTES}). */
    public static JsonNode parseWalletDocument(byte[] json) {
        return parse(json, WALLET_MAPPER, MAX_WALLET_DOCUMENT_BYTES);
    }

    private static JsonNode parse(byte[] json, ObjectMapper mapper, int maxBytes) {
        if (json.length > maxBytes) {
            throw new UntrustedInputException(InputProblem.TOO_LARGE, "the JSON document is larger than "
                    + (maxBytes / (1024 * 1024)) + " MiB");
        }
        try {
            JsonNode node = mapper.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new UntrustedInputException(InputProblem.NOT_JSON, "the input is empty");
            }
            return node;
        } catch (StreamConstraintsException e) {
            String message = String.valueOf(e.getOriginalMessage());
            InputProblem problem = message.contains("nesting depth") ? InputProblem.TOO_DEEP : InputProblem.TOO_LARGE;
            throw new UntrustedInputException(problem, problem == InputProblem.TOO_DEEP
                    ? "the JSON is nested deeper than " + MAX_DEPTH + " levels"
                    : "a JSON value is longer than allowed", e);
        } catch (JsonProcessingException e) {
            String message = String.valueOf(e.getOriginalMessage());
            // Only the parser's own wording: "Unrecognized token 'Duplicate'" is not a duplicate key.
            if (message.startsWith("Duplicate field")) {
                throw new UntrustedInputException(InputProblem.DUPLICATE_KEY,
                        "the JSON has a duplicate key", e);
            }
            throw new UntrustedInputException(InputProblem.NOT_JSON, "the input is not valid JSON", e);
        } catch (IOException e) {
            throw new UntrustedInputException(InputProblem.NOT_JSON, "the input is not valid JSON", e);
        } catch (StackOverflowError e) {
            // Not expected with the depth limit; kept so that no input can crash a caller.
            throw new UntrustedInputException(InputProblem.TOO_DEEP, "the JSON is nested too deeply");
        }
    }

    /** A mapper for writing JSON (reading goes through {@link #parse}). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
