package nl.learnerwallet.server.db;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.jdbc.BasicJdbcConfiguration;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Creates the folder of an SQLite database file before the pool opens it (SQLite makes files, not folders). */
@Singleton
public class DatabaseFolder implements BeanCreatedEventListener<BasicJdbcConfiguration> {

    @Override
    public BasicJdbcConfiguration onCreated(BeanCreatedEvent<BasicJdbcConfiguration> event) {
        BasicJdbcConfiguration configuration = event.getBean();
        String url = configuration.getConfiguredUrl();
        if (url != null && url.startsWith("jdbc:sqlite:") && !url.contains(":memory:")) {
            String file = url.substring("jdbc:sqlite:".length());
            int query = file.indexOf('?');
            Path parent = Paths.get(query < 0 ? file : file.substring(0, query)).toAbsolutePath().getParent();
            try {
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the database folder " + parent + " cannot be created", e);
            }
        }
        return configuration;
    }
}
