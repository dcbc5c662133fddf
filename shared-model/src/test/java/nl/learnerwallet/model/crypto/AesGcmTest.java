package nl.learnerwallet.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class AesGcmTest {

    private final SecureRandom random = new SecureRandom();
    private final byte[] key = new byte[32];
    private final byte[] associated = "credential\nabc".getBytes(StandardCharsets.UTF_8);

    AesGcmTest() {
        random.nextBytes(key);
    }

    @Test
    void roundTrips() {
        byte[] sealed = AesGcm.encrypt(key, "geheim".getBytes(StandardCharsets.UTF_8), associated, random);
        assertThat(new String(AesGcm.decrypt(key, sealed, associated), StandardCharsets.UTF_8)).isEqualTo("geheim");
    }

    @Test
    void refusesOneFlippedBit() {
        byte[] sealed = AesGcm.encrypt(key, "geheim".getBytes(StandardCharsets.UTF_8), associated, random);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> AesGcm.decrypt(key, sealed, associated)).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void refusesACiphertextMovedToAnotherRecord() {
        byte[] sealed = AesGcm.encrypt(key, "geheim".getBytes(StandardCharsets.UTF_8), associated, random);
        byte[] other = "credential\nxyz".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AesGcm.decrypt(key, sealed, other)).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void refusesATruncatedCiphertext() {
        assertThatThrownBy(() -> AesGcm.decrypt(key, new byte[5], associated)).isInstanceOf(DecryptionFailedException.class);
    }
}
