package nl.learnerwallet.server.page;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The share page's stylesheet, served from this server so the page needs no inline style. */
@Controller("/assets")
public class AssetController {

    private final byte[] stylesheet;

    public AssetController() {
        try (InputStream in = AssetController.class.getResourceAsStream("share.css")) {
            if (in == null) {
                throw new IllegalStateException("share.css is missing from the server jar");
            }
            this.stylesheet = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(uri = "/share.css", produces = "text/css;charset=utf-8")
    public HttpResponse<byte[]> stylesheet() {
        return HttpResponse.ok(stylesheet);
    }
}
