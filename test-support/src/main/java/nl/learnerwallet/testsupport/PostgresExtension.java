package nl.learnerwallet.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * For JUnit 5 tests on a real PostgreSQL: {@code @ExtendWith(PostgresExtension.class)} gives test
 * methods and constructors the JVM's {@link PostgresServer} (one for every test class), from which
 * each makes its own databases. Where PostgreSQL is missing the tests are skipped with the reason —
 * except on CI ({@code CI=true}), where they fail, so that a CI without PostgreSQL cannot pass
 * silently.
 */
public final class PostgresExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        server();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server();
    }

    /**
     * The shared server, for tests that cannot take it as a parameter (a Micronaut property provider, say).
     *
     * @throws TestAbortedException when PostgreSQL is missing and this is not CI
     * @throws PostgresServer.PostgresUnavailableException when PostgreSQL is missing on CI
     */
    public static PostgresServer server() {
        try {
            return PostgresServer.shared();
        } catch (PostgresServer.PostgresUnavailableException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw e;
            }
            throw new TestAbortedException("skipped, PostgreSQL is not available here (on CI this fails): " + e.getMessage(), e);
        }
    }
}
