package nl.learnerwallet.server.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import nl.learnerwallet.model.CredentialVerifier;
import nl.learnerwallet.model.fetch.GuardedFetcher;
import nl.learnerwallet.model.jose.IssuerKeys;
import nl.learnerwallet.model.presentation.PresentationVerifier;
import nl.learnerwallet.model.trust.TrustList;

/** The verifier the share pages use, and the server's trust list (a JSON file, like the wallet's). */
@Factory
public class VerificationFactory {

    /** Holder keys are did:jwk/did:key (offline); credentials may need the network, through the guarded fetcher. */
    @Singleton
    PresentationVerifier presentationVerifier(FetchSettings fetch) {
        IssuerKeys keys = IssuerKeys.offline();
        return new PresentationVerifier(keys, new CredentialVerifier(keys, GuardedFetcher.standard(fetch.allowPrivateNetworks())));
    }

    /** @throws UncheckedIOException when a configured trust list cannot be read: better not to start than to call issuers unknown */
    @Singleton
    TrustList trustList(WalletConfig config) {
        if (config.trustList() == null || config.trustList().isEmpty()) {
            return TrustList.empty();
        }
        try {
            return TrustList.fromJson(Files.readAllBytes(Paths.get(config.trustList())));
        } catch (IOException e) {
            throw new UncheckedIOException("the trust list " + config.trustList() + " cannot be read", e);
        }
    }
}
