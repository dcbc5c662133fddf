package nl.learnerwallet.server.db;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import javax.sql.DataSource;

/**
 * Wraps every DataSource so that {@code setReadOnly} never reaches sqlite-jdbc, which refuses to
 * change the flag once a connection is open; Micronaut Data sets it for read-only transactions
 * (micronaut-data #3560). Other drivers (PostgreSQL) still get the call.
 */
@Singleton
public class SqliteDataSources implements BeanCreatedEventListener<DataSource>, Ordered {

    /**
     * First of all listeners: the raw pool must be wrapped before Micronaut Data wraps it for
     * transactions and before Flyway opens a connection, or their wrappers would call back into a
     * DataSource still being created.
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        DataSource original = event.getBean();
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(original, method, args);
                    if (result instanceof Connection && isSqlite((Connection) result)) {
                        return guard((Connection) result);
                    }
                    return result;
                });
    }

    private static boolean isSqlite(Connection connection) {
        try {
            return connection.getMetaData().getURL().startsWith("jdbc:sqlite:");
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    private static Connection guard(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("setReadOnly")) {
                return null;
            }
            if (method.getName().equals("isReadOnly")) {
                return false;
            }
            if (method.getName().equals("unwrap") && args != null && args[0] == Connection.class) {
                return proxy;
            }
            return invoke(connection, method, args);
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
