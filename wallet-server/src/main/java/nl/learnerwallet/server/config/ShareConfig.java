package nl.learnerwallet.server.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;

/**
 * Limits on share links: the longest a link may live (days), how fresh a presentation must be
 * when the server accepts it (seconds), and how many unknown-link lookups one client may make in
 * a window before it is slowed down with 429.
 */
@ConfigurationProperties("wallet.share")
public record ShareConfig(
        @Bindable(defaultValue = "366") @Min(1) int maxDays,
        @Bindable(defaultValue = "300") @Min(10) long presentationMaxAgeSeconds,
        @Bindable(defaultValue = "30") @Min(1) int failedLookupsPerWindow,
        @Bindable(defaultValue = "600") @Min(1) long failedLookupWindowSeconds) {
}
