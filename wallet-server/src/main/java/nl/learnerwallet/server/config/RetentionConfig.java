package nl.learnerwallet.server.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How long the server keeps what it no longer needs, in days ({@code wallet.retention.*},
 * e.g. {@code WALLET_RETENTION_ACCESS_LOG_DAYS}): entries of a share's access log; a share that
 * ended (expired, revoked or taken down), with its log; an exemption dossier that ended, with its
 * committees' decisions, kept longer for appeals; and backup versions other than an account's
 * newest. The retention job enforces them every {@code interval}. The operators' audit trail is
 * kept.
 */
@ConfigurationProperties("wallet.retention")
public record RetentionConfig(
        @Bindable(defaultValue = "180") @Min(1) @Max(3650) int accessLogDays,
        @Bindable(defaultValue = "30") @Min(1) @Max(3650) int endedShareDays,
        @Bindable(defaultValue = "365") @Min(1) @Max(3650) int endedDossierDays,
        @Bindable(defaultValue = "90") @Min(1) @Max(3650) int backupVersionDays) {
}
