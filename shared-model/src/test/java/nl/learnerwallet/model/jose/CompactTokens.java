package nl.learnerwallet.model.jose;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.util.Base64URL;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Takes compact JWS tokens apart and puts altered ones together, for the bad-input tests. */
final class CompactTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CompactTokens() {
    }

    static String header(String token) {
        return token.split("\\.", -1)[0];
    }

    static String payload(String token) {
        return token.split("\\.", -1)[1];
    }

    static String signature(String token) {
        return token.split("\\.", -1)[2];
    }

    static String encode(String text) {
        return Base64URL.encode(text.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String encode(byte[] bytes) {
        return Base64URL.encode(bytes).toString();
    }

    static ObjectNode payloadJson(String token) {
        try {
            return (ObjectNode) JSON.readTree(new Base64URL(payload(token)).decode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String withPayload(String token, String payloadPart) {
        return header(token) + "." + payloadPart + "." + signature(token);
    }

    static String withSignature(String token, byte[] signature) {
        return header(token) + "." + payload(token) + "." + encode(signature);
    }

    static byte[] signatureBytes(String token) {
        return new Base64URL(signature(token)).decode();
    }
}
