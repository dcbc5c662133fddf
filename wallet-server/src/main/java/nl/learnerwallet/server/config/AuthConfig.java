package nl.learnerwallet.server.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Signed-request checking: how far a request's time may be from the server's (seconds), and how
 * many accounts one client may register per hour.
 */
@ConfigurationProperties("wallet.auth")
public record AuthConfig(
        @Bindable(defaultValue = "300") @Min(10) @Max(3600) long maxClockSkewSeconds,
        @Bindable(defaultValue = "20") @Min(1) int registrationsPerHour) {
}
