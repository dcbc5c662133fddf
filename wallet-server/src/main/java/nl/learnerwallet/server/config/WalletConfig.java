package nl.learnerwallet.server.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import java.util.List;

/**
 * The server's own settings: the public address links are made with ({@code WALLET_PUBLIC_URL}),
 * the reverse proxies whose {@code X-Forwarded-For} is believed, and the trust list file of
 * issuers the share pages call recognised (none when unset).
 */
@ConfigurationProperties("wallet")
public record WalletConfig(
        @NotBlank @Bindable(defaultValue = "http://localhost:8080") String publicUrl,
        @Nullable List<String> trustedProxies,
        @Nullable String trustList) {

    /** The public URL without a trailing slash. */
    public String baseUrl() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public List<String> proxies() {
        return trustedProxies == null ? List.of() : trustedProxies;
    }
}
