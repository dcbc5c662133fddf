package nl.learnerwallet.server.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Attack catalogue, share tokens: looked up by their hash only, never compared as secrets. An
 * inspection of the server's code and of the shared protocol classes, since timing cannot be
 * measured reliably in a unit test: the database holds the token's hash, never the token; a share
 * is found by that hash (an index lookup); and no {@code equals} — String, array or Objects — has
 * a token, secret or password on either side. The one place a presented token meets the stored
 * hash compares the hashes with {@code MessageDigest.isEqual} (it used {@code String.equals}).
 */
class SecretComparisonTest {

    private static final Pattern EQUALS_ON_A_SECRET = Pattern.compile(
            "(?i)(token|secret|password|passphrase|recovery)[\\w()\\.]*\\s*\\.equals\\(|\\.equals\\([^;]*(token|secret|password)"
                    + "|Objects\\.equals\\([^;]*(token|secret|password)|Arrays\\.equals\\([^;]*(token|secret|password)");

    @Test
    void noSecretIsComparedWithEquals() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : new Path[] {Paths.get("src/main/java"), Paths.get("../shared-model/src/main/java/nl/learnerwallet/model/protocol")}) {
            assertThat(root).isDirectory();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        if (EQUALS_ON_A_SECRET.matcher(lines.get(i)).find()) {
                            found.add(file + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theInspectionSeesAComparisonWhenThereIsOne() {
        assertThat(EQUALS_ON_A_SECRET.matcher("if (!ShareToken.hash(token).equals(share.tokenHash())) {").find()).isTrue();
        assertThat(EQUALS_ON_A_SECRET.matcher("if (token.equals(stored)) {").find()).isTrue();
        assertThat(EQUALS_ON_A_SECRET.matcher("return shares.findByTokenHash(ShareToken.hash(token));").find()).isFalse();
    }

    @Test
    void sharesAreFoundByTheTokensHashAndTheDatabaseHasNoTokenColumn() throws IOException {
        String repository = Files.readString(Paths.get("src/main/java/nl/learnerwallet/server/share/ShareRepository.java"));
        assertThat(repository).contains("findByTokenHash(").doesNotContainPattern("findByToken\\(");
        StringBuilder schema = new StringBuilder();
        // Every dialect's migrations (sqlite/, postgresql/, common/).
        try (Stream<Path> migrations = Files.walk(Paths.get("src/main/resources/db/migration"))) {
            for (Path migration : (Iterable<Path>) migrations::iterator) {
                if (Files.isRegularFile(migration) && migration.toString().endsWith(".sql")) {
                    schema.append(Files.readString(migration));
                }
            }
        }
        assertThat(schema.toString()).contains("token_hash").doesNotContainPattern("(?m)^\\s*token\\s");
    }
}
