package nl.learnerwallet.client.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import nl.learnerwallet.client.store.RecordStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalletHomeTest {

    @TempDir
    Path folder;

    @Test
    void theOptionWinsOverTheEnvironmentWhichWinsOverTheUsersHome() {
        assertThat(WalletHome.locate(Paths.get("/a"), "/b", "/home/c").directory()).isEqualTo(Paths.get("/a"));
        assertThat(WalletHome.locate(null, "/b", "/home/c").directory()).isEqualTo(Paths.get("/b"));
        assertThat(WalletHome.locate(null, "", "/home/c").directory()).isEqualTo(Paths.get("/home/c/.learner-wallet"));
    }

    @Test
    void refusesToOpenAFolderWithoutAWalletUnlessAskedToCreateOne() {
        WalletHome home = new WalletHome(folder.resolve("new"));

        assertThatThrownBy(() -> home.openStore(false)).isInstanceOf(WalletHomeException.class)
                .satisfies(e -> assertThat(((WalletHomeException) e).problem()).isEqualTo(WalletHomeException.Problem.NO_WALLET));
        try (RecordStore store = home.openStore(true)) {
            assertThat(store).isNotNull();
            assertThat(home.hasWallet()).isTrue();
        }
    }

    @Test
    void aDamagedTrustListIsNamedNotGuessedAt() throws IOException {
        Files.write(folder.resolve(WalletHome.TRUST_LIST), "{not json".getBytes());

        assertThatThrownBy(() -> new WalletHome(folder).trustList()).isInstanceOf(WalletHomeException.class)
                .satisfies(e -> {
                    WalletHomeException problem = (WalletHomeException) e;
                    assertThat(problem.problem()).isEqualTo(WalletHomeException.Problem.TRUST_LIST_DAMAGED);
                    assertThat(problem.path()).isEqualTo(folder.resolve(WalletHome.TRUST_LIST));
                });
    }
}
