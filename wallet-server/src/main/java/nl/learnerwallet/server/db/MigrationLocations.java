package nl.learnerwallet.server.db;

import io.micronaut.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Points Flyway at the migrations of the database it is about to migrate, so that the standard
 * {@code datasources.default.url} alone decides between SQLite and PostgreSQL (Flyway 10 itself
 * has no per-vendor locations).
 */
@Singleton
@Named("default")
public class MigrationLocations implements FlywayConfigurationCustomizer {

    @Override
    public String getName() {
        return "default";
    }

    @Override
    public void customizeFluentConfiguration(FluentConfiguration configuration) {
        configuration.locations(DatabaseKind.of(configuration.getDataSource()).migrationLocations());
    }
}
