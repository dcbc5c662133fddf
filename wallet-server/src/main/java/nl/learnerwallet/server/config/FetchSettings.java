package nl.learnerwallet.server.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The guarded fetcher the share pages verify with (hosted badges, did:web, issuer profiles,
 * status lists). Private and loopback addresses stay refused unless
 * {@code wallet.fetch.allow-private-networks} ({@code WALLET_FETCH_ALLOW_PRIVATE_NETWORKS}) is true:
 * for tests and the local demo only.
 */
@ConfigurationProperties("wallet.fetch")
public record FetchSettings(@Bindable(defaultValue = "false") boolean allowPrivateNetworks) {
}
