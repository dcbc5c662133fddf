package nl.learnerwallet.server.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Limits on backups: the largest upload, how many versions are kept per account, and the
 * account's quota over all kept versions.
 */
@ConfigurationProperties("wallet.backup")
public record BackupConfig(
        @Bindable(defaultValue = "16777216") @Min(1024) long maxUploadBytes,
        @Bindable(defaultValue = "10") @Min(1) @Max(100) int keepVersions,
        @Bindable(defaultValue = "104857600") @Min(1024) long quotaBytes) {
}
