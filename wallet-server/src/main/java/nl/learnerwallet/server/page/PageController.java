package nl.learnerwallet.server.page;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.learnerwallet.model.card.CardJson;
import nl.learnerwallet.model.json.StrictJson;
import nl.learnerwallet.model.presentation.PresentationReport;
import nl.learnerwallet.model.presentation.PresentedCredential;
import nl.learnerwallet.model.trust.TrustEntry;
import nl.learnerwallet.model.verify.ReportJson;
import nl.learnerwallet.model.exemption.DossierAnalysis;
import nl.learnerwallet.server.dossier.DecisionService;
import nl.learnerwallet.server.dossier.Dossier;
import nl.learnerwallet.server.dossier.ShownDecision;
import nl.learnerwallet.server.share.Share;
import nl.learnerwallet.server.share.ShareService;
import nl.learnerwallet.server.share.ViewKind;

/**
 * {@code /s/{token}}: the page an employer sees (HTML, or JSON for {@code Accept: application/json}),
 * {@code HEAD} for link checkers, and {@code /s/{token}/presentation} for the raw presentation. An
 * exemption share shows as a dossier for an exam committee, also as {@code /s/{token}/dossier.pdf}.
 * Verification runs at view time. Tokens appear in no log line; lookups are by hash.
 */
@Controller("/s")
public class PageController {

    private final ShareService shares;
    private final VerifiedPresentations verified;
    private final PublicLookups lookups;
    private final DecisionService decisions;

    PageController(ShareService shares, VerifiedPresentations verified, PublicLookups lookups, DecisionService decisions) {
        this.shares = shares;
        this.verified = verified;
        this.lookups = lookups;
        this.decisions = decisions;
    }

    @Get(uri = "/{token}", produces = {MediaType.TEXT_HTML, MediaType.APPLICATION_JSON})
    public HttpResponse<?> page(HttpRequest<?> request, @PathVariable String token, @Nullable @QueryValue String lang) {
        if (request.getMethod() == HttpMethod.HEAD) {
            return head(request, token);
        }
        PageText text = new PageText(language(request, lang));
        boolean json = wantsJson(request);
        String userAgent = request.getHeaders().get(HttpHeaders.USER_AGENT);
        if (Browsers.isPreviewFetcher(userAgent) && !json) {
            Optional<ShareService.Opened> previewed = shares.open(token, ViewKind.PREVIEW, Browsers.family(userAgent));
            if (previewed.isPresent()) {
                return html(HttpStatus.OK, SharePage.preview(text));
            }
            return unavailable(request, token, text, false);
        }
        if (lookups.tooManyFailures(request)) {
            return tooMany(text);
        }
        Optional<ShareService.Opened> opened = shares.open(token, ViewKind.VIEW, Browsers.family(userAgent));
        if (opened.isEmpty()) {
            return unavailable(request, token, text, json);
        }
        Share share = opened.get().share();
        PresentationReport report = verified.verify(share, opened.get().presentation());
        Integer viewsLeft = share.maxViews() == null ? null : Math.max(0, share.maxViews() - share.views() - 1);
        Instant expires = Instant.ofEpochSecond(share.expiresAt());
        // Only an exemption share can be a dossier: reading one checks the holder's signature again.
        Dossier dossier = ShareService.EXEMPTION.equals(share.purpose()) ? Dossier.of(opened.get().presentation()) : null;
        DossierAnalysis analysis = dossier != null && dossier.isExemption(share.purpose())
                ? DossierAnalysis.of(dossier.request(), report) : null;
        List<ShownDecision> shown = analysis == null ? List.of() : decisions.shown(share, token, dossier.holder());
        if (json) {
            ObjectNode body = json(report, expires, viewsLeft);
            if (analysis != null) {
                dossierJson(body, dossier, analysis, shown);
            }
            return HttpResponse.ok(body.toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        if (analysis != null) {
            return html(HttpStatus.OK, DossierPage.render(report, analysis, shown, shares.trustList(), expires, viewsLeft,
                    "/s/" + token, text));
        }
        return html(HttpStatus.OK, SharePage.render(report, shares.trustList(), expires, viewsLeft, "/s/" + token, text));
    }

    /**
     * The exemption dossier as a PDF download: opened, counted and logged like the page (a link
     * preview gets the preview page, never the PDF). Not a dossier: not found, like any other link.
     */
    @Get(uri = "/{token}/dossier.pdf", produces = {"application/pdf", MediaType.TEXT_HTML})
    public HttpResponse<?> pdf(HttpRequest<?> request, @PathVariable String token, @Nullable @QueryValue String lang) {
        PageText text = new PageText(language(request, lang));
        String userAgent = request.getHeaders().get(HttpHeaders.USER_AGENT);
        if (request.getMethod() == HttpMethod.HEAD) {
            return head(request, token);
        }
        if (Browsers.isPreviewFetcher(userAgent)) {
            Optional<ShareService.Opened> previewed = shares.open(token, ViewKind.PREVIEW, Browsers.family(userAgent));
            return previewed.isPresent() ? html(HttpStatus.OK, SharePage.preview(text)) : unavailable(request, token, text, false);
        }
        if (lookups.tooManyFailures(request)) {
            return tooMany(text);
        }
        Optional<ShareService.Opened> opened = shares.open(token, ViewKind.VIEW, Browsers.family(userAgent));
        if (opened.isEmpty()) {
            return unavailable(request, token, text, false);
        }
        Share share = opened.get().share();
        Dossier dossier = Dossier.of(opened.get().presentation());
        if (!dossier.isExemption(share.purpose())) {
            return html(HttpStatus.NOT_FOUND, SharePage.notAvailable(text));
        }
        PresentationReport report = verified.verify(share, opened.get().presentation());
        DossierAnalysis analysis = DossierAnalysis.of(dossier.request(), report);
        byte[] pdf = DossierPdf.render(analysis, decisions.shown(share, token, dossier.holder()), shares.trustList(),
                report.checkedAt(), text);
        return HttpResponse.ok(pdf).contentType("application/pdf")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dossier.pdf\"");
    }

    private HttpResponse<?> tooMany(PageText text) {
        return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER,
                Long.toString(lookups.retryAfterSeconds())).body(text.get("page.tooMany"));
    }

    /** {@code exemptionRequest}, {@code dossierHash}, {@code dossier} (the analysis) and {@code decisions} (verified now). */
    private void dossierJson(ObjectNode body, Dossier dossier, DossierAnalysis analysis, List<ShownDecision> shown) {
        body.set("exemptionRequest", dossier.request().toJson());
        body.put("dossierHash", dossier.hash());
        body.set("dossier", analysis.toJson());
        ArrayNode list = body.putArray("decisions");
        for (ShownDecision decision : shown) {
            ObjectNode each = list.addObject();
            each.put("number", decision.number());
            each.put("status", decision.report().status().name());
            each.put("receivedAt", decision.receivedAt().toString());
            if (decision.followsNumber() != null) {
                each.put("follows", decision.followsNumber());
            }
            if (decision.decision() != null) {
                each.set("decision", decision.decision().toJson());
            }
            each.put("credential", decision.credential());
        }
    }

    /** HEAD reaches the GET route (Micronaut serves HEAD through it); link checkers use no views. */
    private HttpResponse<?> head(HttpRequest<?> request, String token) {
        String userAgent = request.getHeaders().get(HttpHeaders.USER_AGENT);
        if (lookups.tooManyFailures(request)) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS);
        }
        if (shares.open(token, ViewKind.HEAD, Browsers.family(userAgent)).isPresent()) {
            return HttpResponse.ok().contentType(MediaType.TEXT_HTML_TYPE);
        }
        if (shares.takenDown(token)) {
            return HttpResponse.status(HttpStatus.GONE).contentType(MediaType.TEXT_HTML_TYPE);
        }
        lookups.countFailure(request, token);
        return HttpResponse.notFound().contentType(MediaType.TEXT_HTML_TYPE);
    }

    @Get(uri = "/{token}/presentation", produces = "application/vp+jwt")
    public HttpResponse<?> presentation(HttpRequest<?> request, @PathVariable String token) {
        if (lookups.tooManyFailures(request)) {
            return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS);
        }
        Optional<ShareService.Opened> opened = shares.open(token, ViewKind.VIEW,
                Browsers.family(request.getHeaders().get(HttpHeaders.USER_AGENT)));
        if (opened.isEmpty()) {
            if (shares.takenDown(token)) {
                return HttpResponse.status(HttpStatus.GONE).body("this link was taken down by the service's operator")
                        .contentType(MediaType.TEXT_PLAIN_TYPE);
            }
            lookups.countFailure(request, token);
            return HttpResponse.notFound("this link is not available").contentType(MediaType.TEXT_PLAIN_TYPE);
        }
        return HttpResponse.ok(opened.get().presentation()).contentType("application/vp+jwt");
    }

    private HttpResponse<?> unavailable(HttpRequest<?> request, String token, PageText text, boolean json) {
        if (shares.takenDown(token)) {
            return takenDown(text, json);
        }
        lookups.countFailure(request, token);
        if (json) {
            ObjectNode body = StrictJson.mapper().createObjectNode();
            body.put("error", "NOT_AVAILABLE");
            body.put("message", text.get("page.unavailable"));
            return HttpResponse.notFound(body.toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return html(HttpStatus.NOT_FOUND, SharePage.notAvailable(text));
    }

    /** 410 Gone: the only dead link whose page tells why, because the learner did not choose it. */
    private static HttpResponse<?> takenDown(PageText text, boolean json) {
        if (json) {
            ObjectNode body = StrictJson.mapper().createObjectNode();
            body.put("error", "TAKEN_DOWN");
            body.put("message", text.get("page.takenDown"));
            return HttpResponse.status(HttpStatus.GONE).body(body.toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return html(HttpStatus.GONE, SharePage.takenDown(text));
    }

    private static HttpResponse<String> html(HttpStatus status, String body) {
        return HttpResponse.<String>status(status).body(body).contentType(MediaType.TEXT_HTML + ";charset=utf-8");
    }

    static boolean wantsJson(HttpRequest<?> request) {
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    static Locale language(HttpRequest<?> request, String lang) {
        if ("nl".equals(lang) || "en".equals(lang)) {
            return new Locale(lang);
        }
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE);
        if (accept != null) {
            for (String part : accept.split(",")) {
                String tag = part.trim().toLowerCase(Locale.ROOT);
                if (tag.startsWith("nl")) {
                    return PageText.DUTCH;
                }
                if (tag.startsWith("en")) {
                    return Locale.ENGLISH;
                }
            }
        }
        return Locale.ENGLISH;
    }

    private ObjectNode json(PresentationReport report, Instant linkExpires, Integer viewsLeft) {
        ObjectNode root = StrictJson.mapper().createObjectNode();
        root.put("status", report.status().name());
        root.put("checkedAt", report.checkedAt().toString());
        root.put("holder", report.holder());
        root.set("holderBinding", ReportJson.write(report.holderBinding()));
        ObjectNode link = root.putObject("link");
        link.put("expiresAt", linkExpires.toString());
        if (viewsLeft != null) {
            link.put("viewsLeft", viewsLeft);
        }
        ArrayNode credentials = root.putArray("credentials");
        for (PresentedCredential credential : report.credentials()) {
            ObjectNode each = ReportJson.write(credential.report());
            if (credential.format() != null) {
                each.put("format", credential.format().id());
            }
            ArrayNode withheld = each.putArray("withheldClaims");
            credential.withheldClaims().forEach(withheld::add);
            if (credential.card() != null) {
                each.set("card", CardJson.write(credential.card()));
                TrustEntry trusted = shares.trustList().find(credential.card().issuerId());
                each.put("issuerTrusted", trusted != null);
                if (trusted != null) {
                    each.put("issuerTrustName", trusted.name());
                }
            }
            credentials.add(each);
        }
        return root;
    }
}
