package nl.learnerwallet.model.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Base58BtcTest {

    @Test
    void encodesTheDraftSpecificationExample() {
        // draft-msporny-base58: "Hello World!" -> 2NEpo7TZRRrLZSi2U
        byte[] hello = "Hello World!".getBytes(StandardCharsets.US_ASCII);

        assertThat(Base58Btc.encode(hello)).isEqualTo("2NEpo7TZRRrLZSi2U");
        assertThat(Base58Btc.decode("2NEpo7TZRRrLZSi2U")).isEqualTo(hello);
    }

    @Test
    void keepsLeadingZeroBytesAsOnes() {
        byte[] value = {0, 0, 0x28, 0x7f, (byte) 0xb4, (byte) 0xcd};

        assertThat(Base58Btc.encode(value)).isEqualTo("11233QC4");
        assertThat(Base58Btc.decode("11233QC4")).isEqualTo(value);
    }

    @Test
    void roundTripsRandomBytes() {
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            byte[] value = new byte[random.nextInt(40)];
            random.nextBytes(value);
            if (value.length > 0 && random.nextBoolean()) {
                value[0] = 0;
            }
            assertThat(Base58Btc.decode(Base58Btc.encode(value))).isEqualTo(value);
        }
    }

    @Test
    void refusesCharactersOutsideTheAlphabet() {
        for (String bad : new String[] {"0", "O", "I", "l", "+", "abc=", " "}) {
            assertThatThrownBy(() -> Base58Btc.decode(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
