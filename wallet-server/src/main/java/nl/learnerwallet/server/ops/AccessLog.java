package nl.learnerwallet.server.ops;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access log (logger {@code nl.learnerwallet.server.access}): method, route, status and time
 * of every public request. The route is the template ({@code /s/{token}},
 * {@code /api/v1/shares/{id}}), never the path, so no share token, share id or query string is
 * written; neither are the client's address or browser. Health checks and metric scrapes on the
 * management port are not logged. Turn it off with {@code LOGGER_LEVELS_NL_LEARNERWALLET_SERVER_ACCESS=OFF}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AccessLog {

    private static final Logger LOG = LoggerFactory.getLogger("nl.learnerwallet.server.access");
    private static final String STARTED = AccessLog.class.getName() + ".started";

    private final int managementPort;

    public AccessLog(@Value("${endpoints.all.port:-1}") int managementPort) {
        this.managementPort = managementPort;
    }

    @RequestFilter
    public void started(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    public void answered(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!LOG.isInfoEnabled() || request.getServerAddress().getPort() == managementPort) {
            return;
        }
        long millis = request.getAttribute(STARTED, Long.class).map(started -> (System.nanoTime() - started) / 1_000_000)
                .orElse(-1L);
        String route = route(request);
        LOG.atInfo().setMessage("{} {} {} {} ms").addArgument(request.getMethodName()).addArgument(route)
                .addArgument(response.code()).addArgument(millis)
                .addKeyValue("method", request.getMethodName()).addKeyValue("route", route)
                .addKeyValue("status", response.code()).addKeyValue("ms", millis).log();
    }

    /** The matched route's template; a request that matched none is not named at all: its path could hold anything. */
    static String route(HttpRequest<?> request) {
        return BasicHttpAttributes.getUriTemplate(request).orElse("(no route)");
    }
}
