package nl.learnerwallet.client.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RecoveryCodeTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void displaysSevenGroupsOfFourAndParsesBack() {
        RecoveryCode code = RecoveryCode.generate(random);
        String shown = code.display();
        assertThat(shown).matches("([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}");
        assertThat(RecoveryCode.parse(shown).entropy()).isEqualTo(code.entropy());
    }

    @Test
    void carriesAtLeast128RandomBits() {
        assertThat(RecoveryCode.generate(random).entropy()).hasSize(16);
    }

    @Test
    void forgivesLowerCaseSpacesAndLookalikeLetters() {
        RecoveryCode code = RecoveryCode.generate(random);
        String sloppy = code.display().toLowerCase(Locale.ROOT).replace('-', ' ').replace('0', 'o').replace('1', 'l');
        assertThat(RecoveryCode.parse(sloppy).entropy()).isEqualTo(code.entropy());
    }

    @Test
    void detectsAMistypedCharacter() {
        String shown = RecoveryCode.generate(random).display();
        char changed = shown.charAt(2) == '7' ? '8' : '7';
        String typo = shown.substring(0, 2) + changed + shown.substring(3);
        assertThatThrownBy(() -> RecoveryCode.parse(typo)).isInstanceOf(InvalidRecoveryCodeException.class);
    }

    @Test
    void refusesTheWrongLength() {
        assertThatThrownBy(() -> RecoveryCode.parse("ABCD-EFGH")).isInstanceOf(InvalidRecoveryCodeException.class);
    }

    @Test
    void derivesDifferentKeysPerLabelAndTheSameKeysEveryTime() {
        RecoveryCode code = RecoveryCode.generate(random);
        byte[] backup = KeyDerivation.fromRecoveryCode(code, KeyDerivation.BACKUP_KEY);
        assertThat(KeyDerivation.fromRecoveryCode(RecoveryCode.parse(code.display()), KeyDerivation.BACKUP_KEY)).isEqualTo(backup);
        assertThat(KeyDerivation.fromRecoveryCode(code, KeyDerivation.ACCOUNT_KEY)).isNotEqualTo(backup);
        assertThat(AccountKey.fromRecoveryCode(code).publicKey())
                .isEqualTo(AccountKey.fromRecoveryCode(RecoveryCode.parse(code.display())).publicKey());
    }
}
