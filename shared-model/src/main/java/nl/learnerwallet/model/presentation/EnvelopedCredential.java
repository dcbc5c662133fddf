package nl.learnerwallet.model.presentation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.learnerwallet.model.CredentialFormat;

/**
 * A credential's original carried in a presentation as a data URL (RFC 2397), by media type:
 * {@code application/vc+jwt} (VC-JWT), {@code application/dc+sd-jwt} (SD-JWT VC),
 * {@code application/vnd.openbadges.v2+json} (an Open Badges 2.0 assertion, base64),
 * {@code application/vnd.learnerwallet.self-declared+json} (a self-declared entry, base64: only the
 * holder's signature on the presentation covers it).
 */
public final class EnvelopedCredential {

    public static final String VC_JWT = "application/vc+jwt";
    public static final String SD_JWT = "application/dc+sd-jwt";
    public static final String OB2_JSON = "application/vnd.openbadges.v2+json";
    public static final String SELF_DECLARED_JSON = "application/vnd.learnerwallet.self-declared+json";

    private EnvelopedCredential() {
    }

    /** The data URL for a stored credential's original bytes. */
    public static String dataUrl(CredentialFormat format, byte[] original) {
        switch (format) {
            case OB3_JWT:
                return "data:" + VC_JWT + "," + new String(original, StandardCharsets.US_ASCII).trim();
            case SD_JWT_VC:
                return "data:" + SD_JWT + "," + new String(original, StandardCharsets.US_ASCII).trim();
            case OB2_HOSTED:
            case OB2_SIGNED:
                return "data:" + OB2_JSON + ";base64," + Base64.getEncoder().encodeToString(original);
            case SELF_DECLARED:
                return "data:" + SELF_DECLARED_JSON + ";base64," + Base64.getEncoder().encodeToString(original);
            default:
                throw new IllegalArgumentException(format.id() + " credentials cannot be presented in an envelope yet");
        }
    }

    /**
     * The bytes inside a data URL.
     *
     * @throws IllegalArgumentException when it is not a data URL of a credential media type
     */
    public static byte[] decode(String dataUrl) {
        if (dataUrl == null || !dataUrl.startsWith("data:")) {
            throw new IllegalArgumentException("not a data URL");
        }
        int comma = dataUrl.indexOf(',');
        if (comma < 0) {
            throw new IllegalArgumentException("a data URL has a comma");
        }
        String meta = dataUrl.substring("data:".length(), comma);
        String data = dataUrl.substring(comma + 1);
        boolean base64 = meta.endsWith(";base64");
        String mediaType = base64 ? meta.substring(0, meta.length() - ";base64".length()) : meta;
        int parameters = mediaType.indexOf(';');
        mediaType = parameters >= 0 ? mediaType.substring(0, parameters) : mediaType;
        if (!mediaType.equals(VC_JWT) && !mediaType.equals(SD_JWT) && !mediaType.equals(OB2_JSON)
                && !mediaType.equals(SELF_DECLARED_JSON)) {
            throw new IllegalArgumentException("not a credential media type: " + mediaType);
        }
        if (base64) {
            return Base64.getDecoder().decode(data);
        }
        try {
            return URLDecoder.decode(data, "UTF-8").getBytes(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }
}
