package nl.learnerwallet.desktop;

import com.nimbusds.jose.jwk.JWK;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import nl.learnerwallet.client.home.WalletHome;
import nl.learnerwallet.client.sync.ServerClient;
import nl.learnerwallet.client.sync.SyncService;
import nl.learnerwallet.client.wallet.Wallet;
import nl.learnerwallet.client.wallet.WalletContext;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.testsupport.DutchCredentials;
import nl.learnerwallet.testsupport.SdJwtIssuer;
import nl.learnerwallet.testsupport.TestIssuer;

/**
 * A wallet folder made with the core, as {@code wallet init} makes one, that trusts a test issuer
 * ("Hogeschool Utrecht"), and files of credentials that issuer signed for this wallet's holder.
 */
final class TestWallet {

    static final String PASSPHRASE = "correct horse battery staple";

    final WalletHome home;
    final TestIssuer issuer = TestIssuer.es256();
    final String holder;
    /** Shown once at creation, as {@code wallet init} shows it. */
    final String recoveryCode;
    final WalletContext context = WalletContext.standard(true);

    private TestWallet(Path folder) {
        this.home = new WalletHome(folder);
        Wallet.Created created = Wallet.create(home.openStore(true), PASSPHRASE.toCharArray(), context);
        try (Wallet wallet = created.wallet()) {
            holder = wallet.holderDid();
        }
        recoveryCode = created.recoveryCode().display();
        home.saveTrustList(TrustList.empty().with(new TrustEntry(issuer.did(), "Hogeschool Utrecht", "test", Instant.now())));
    }

    static TestWallet in(Path folder) {
        return new TestWallet(folder);
    }

    /** The app's options for this wallet, the passphrase given as WALLET_PASSPHRASE would give it. */
    DesktopOptions options() throws DesktopOptions.UsageException {
        return DesktopOptions.parse(Collections.<String>emptyList(),
                Map.of("WALLET_HOME", home.directory().toString(), "WALLET_PASSPHRASE", PASSPHRASE), "/nonexistent");
    }

    /** The options without a passphrase: the app asks for it. */
    DesktopOptions optionsWithoutPassphrase() throws DesktopOptions.UsageException {
        return DesktopOptions.parse(Collections.<String>emptyList(), Map.of("WALLET_HOME", home.directory().toString()), "/nonexistent");
    }

    /** A VC-JWT of one of the Dutch shapes, signed for this wallet, written to a file. */
    Path file(Path folder, DutchCredentials.Shape shape) throws Exception {
        return write(folder, shape.name().toLowerCase() + ".jwt", DutchCredentials.of(shape, issuer).toHolder(holder).signed());
    }

    /** An SD-JWT VC microcredential bound to this wallet's holder key, every claim selectively disclosable. */
    Path sdJwtMicrocredential(Path folder) throws Exception {
        return write(folder, "microcredential.sd-jwt", new SdJwtIssuer(issuer).microcredential(holderJwk()).issue());
    }

    /** The same credential with one character of its signature changed. */
    Path tamperedFile(Path folder) throws Exception {
        String token = DutchCredentials.of(DutchCredentials.Shape.HBO_MICROCREDENTIAL, issuer).toHolder(holder).signed();
        char last = token.charAt(token.length() - 2);
        String tampered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        return write(folder, "tampered.jwt", tampered);
    }

    /** Adds an issuer to the trust list, as {@code wallet trust add} does. */
    void trust(String issuerId, String name) {
        home.saveTrustList(home.trustList().with(new TrustEntry(issuerId, name, "test", Instant.now())));
    }

    /** Registers the wallet with a wallet server, as {@code wallet account register} does. */
    void register(String serverUrl) {
        try (Wallet wallet = Wallet.unlock(home.openStore(false), PASSPHRASE.toCharArray(), context)) {
            new ServerClient(serverUrl, wallet.accountKey(), context.clock(), context.random()).register();
            wallet.putSetting(SyncService.SERVER_URL, serverUrl);
        }
    }

    private JWK holderJwk() throws ParseException {
        return JWK.parse(new String(Base64.getUrlDecoder().decode(holder.substring("did:jwk:".length())), StandardCharsets.UTF_8));
    }

    private static Path write(Path folder, String name, String content) throws Exception {
        Files.createDirectories(folder);
        return Files.write(folder.resolve(name), content.getBytes(StandardCharsets.US_ASCII));
    }
}
