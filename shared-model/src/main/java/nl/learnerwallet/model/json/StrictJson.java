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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

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
            // Read as UTF-8 and nothing else (RFC 8259 §8.1), with a decoder that refuses malformed and
            // overlong sequences and encoded surrogates: Jackson's own byte reader would take an
            // overlong "/" (C0 AF) for "/", and guess UTF-16 or UTF-32 from the first bytes.
            JsonNode node = mapper.readTree(new InputStreamReader(new ByteArrayInputStream(json),
                    StandardCharsets.UTF_8.newDecoder()));
            if (node == null || node.isMissingNode()) {
                throw new UntrustedInputException(InputProblem.NOT_JSON, "the input is empty");
            }
            checkValues(node);
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

    /**
     * What the parser lets through but I-JSON (RFC 7493 §2) does not: a number beyond what a double
     * holds (1e309 would become Infinity, and be written back as the string "Infinity") and an
     * escaped surrogate without its pair ("\\ud800", which no UTF-8 text can carry, so it would be
     * written back as "?"). Either way the value read is not the value sent.
     */
    private static void checkValues(JsonNode node) {
        if (node.isDouble() && !Double.isFinite(node.doubleValue())) {
            throw new UntrustedInputException(InputProblem.TOO_LARGE, "a JSON number is larger than a double can hold");
        }
        if (node.isTextual() && hasLoneSurrogate(node.textValue())) {
            throw new UntrustedInputException(InputProblem.NOT_JSON, "a JSON string holds half of a surrogate pair");
        }
        if (node.isObject()) {
            java.util.Iterator<java.util.Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                java.util.Map.Entry<String, JsonNode> field = fields.next();
                if (hasLoneSurrogate(field.getKey())) {
                    throw new UntrustedInputException(InputProblem.NOT_JSON, "a JSON name holds half of a surrogate pair");
                }
                checkValues(field.getValue());
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                checkValues(element);
            }
        }
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** A mapper for writing JSON (reading goes through {@link #parse}). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
