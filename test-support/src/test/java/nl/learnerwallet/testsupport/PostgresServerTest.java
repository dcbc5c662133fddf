package nl.learnerwallet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A private PostgreSQL starts on loopback, gives each caller its own database, and stops. */
@ExtendWith(PostgresExtension.class)
class PostgresServerTest {

    @Test
    void eachCallerGetsItsOwnEmptyDatabase(PostgresServer postgres) throws SQLException {
        String first = postgres.createDatabase();
        String second = postgres.createDatabase();
        assertThat(first).isNotEqualTo(second).startsWith("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/");
        try (Connection connection = DriverManager.getConnection(first, PostgresServer.USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (n INTEGER)");
            statement.execute("INSERT INTO t VALUES (42)");
        }
        try (Connection connection = DriverManager.getConnection(second, PostgresServer.USER, "");
                ResultSet tables = connection.getMetaData().getTables(null, "public", "t", null)) {
            assertThat(tables.next()).isFalse();
        }
    }

    @Test
    void aPrivateServerStopsAndItsPortIsClosedAfterwards(PostgresServer shared) throws SQLException {
        PostgresServer own = PostgresServer.start();
        String url = own.createDatabase();
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, "");
                ResultSet version = connection.createStatement().executeQuery("SHOW server_version")) {
            assertThat(version.next()).isTrue();
        }
        own.close();
        assertThatThrownBy(() -> DriverManager.getConnection(url, PostgresServer.USER, "")).isInstanceOf(SQLException.class);
        assertThat(shared.port()).isNotEqualTo(own.port());
    }
}
