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

/** The verifiers the share pages and dossiers use, and the server's trust list (a JSON file, like the wallet's). */
@Factory
public class VerificationFactory {

    /** Credentials (and exam committees' decisions) may need the network, through the guarded fetcher. */
    @Singleton
    CredentialVerifier credentialVerifier(FetchSettings fetch) {
        return new CredentialVerifier(IssuerKeys.offline(), GuardedFetcher.standard(fetch.allowPrivateNetworks()));
    }

    /** Holder keys are did:jwk/did:key (offline). */
    @Singleton
    PresentationVerifier presentationVerifier(CredentialVerifier credentials) {
        return new PresentationVerifier(IssuerKeys.offline(), credentials);
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
