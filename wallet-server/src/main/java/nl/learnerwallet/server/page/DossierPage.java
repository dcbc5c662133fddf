package nl.learnerwallet.server.page;

import java.time.Instant;
import java.util.List;
import nl.learnerwallet.model.exemption.DossierAnalysis;
import nl.learnerwallet.model.presentation.PresentationReport;
import nl.learnerwallet.model.presentation.PresentedCredential;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.model.verify.Outcome;
import nl.learnerwallet.server.dossier.ShownDecision;

/**
 * The page of an exemption dossier: the summary first (course, institution, how many credentials
 * are genuine, how many framework points are met, the latest decision), then the decisions, then
 * each credential as on the share page with its EU checklist, framework points and learning
 * outcomes beside the course's. Prints as it reads (see {@code @media print} in share.css).
 */
final class DossierPage {

    private DossierPage() {
    }

    static String render(PresentationReport report, DossierAnalysis analysis, List<ShownDecision> decisions,
            TrustList trustList, Instant linkExpires, Integer viewsLeft, String selfPath, PageText text) {
        StringBuilder html = new StringBuilder(32_768);
        SharePage.head(html, text, text.get("dossier.title"));
        html.append("<main id=\"main\" class=\"dossier\">\n<h1>")
                .append(Html.escape(text.get("dossier.heading", analysis.request().courseName()))).append("</h1>\n");
        html.append("<section class=\"dossier-summary\" aria-label=\"").append(Html.escape(text.get("dossier.summary")))
                .append("\">\n");
        blocks(html, DossierContent.summary(analysis, decisions, text));
        html.append("<p class=\"checked\">").append(Html.escape(text.get("page.checkedAt", SharePage.when(report.checkedAt(), text))))
                .append("</p>\n");
        boolean holderSigned = report.holderBinding().outcome() == Outcome.PASSED;
        html.append("<p class=\"holder ").append(holderSigned ? "ok" : "bad").append("\">")
                .append(Html.escape(text.get(holderSigned ? "dossier.holderSigned" : "page.holderNotSigned"))).append("</p>\n");
        html.append("<p class=\"link-expiry\">").append(Html.escape(text.get("page.linkExpires", SharePage.when(linkExpires, text))));
        if (viewsLeft != null) {
            html.append(' ').append(Html.escape(text.get("page.viewsLeft", viewsLeft)));
        }
        html.append("</p>\n</section>\n<section class=\"decisions\">\n");
        blocks(html, DossierContent.decisions(decisions, trustList, text));
        html.append("</section>\n");
        if (!analysis.request().courseOutcomes().isEmpty()) {
            html.append("<section class=\"course\">\n<h2>").append(Html.escape(text.get("dossier.courseOutcomes")))
                    .append("</h2>\n<ul>\n");
            for (String outcome : analysis.request().courseOutcomes()) {
                html.append("<li>").append(Html.escape(outcome)).append("</li>\n");
            }
            html.append("</ul>\n</section>\n");
        }
        for (PresentedCredential credential : report.credentials()) {
            StringBuilder part = new StringBuilder(4096);
            part.append("<div class=\"dossier-part\">\n");
            blocks(part, DossierContent.credential(analysis.credentials().get(credential.index()), analysis.request(), text));
            part.append("</div>\n");
            SharePage.credential(html, credential, report, trustList, text, part.toString());
        }
        html.append("</main>\n<footer><p><a href=\"").append(Html.escape(selfPath)).append("/dossier.pdf\">")
                .append(Html.escape(text.get("dossier.pdf"))).append("</a> · <a href=\"").append(Html.escape(selfPath))
                .append("/presentation\">").append(Html.escape(text.get("page.rawPresentation"))).append("</a> · ")
                .append(Html.escape(text.get("page.footer"))).append("</p></footer>\n</body>\n</html>\n");
        return html.toString();
    }

    static void blocks(StringBuilder html, List<DossierBlock> blocks) {
        for (DossierBlock block : blocks) {
            if (block instanceof DossierBlock.Heading heading) {
                html.append("<h").append(heading.level()).append('>').append(Html.escape(heading.text())).append("</h")
                        .append(heading.level()).append(">\n");
            } else if (block instanceof DossierBlock.Paragraph paragraph) {
                html.append("<p class=\"").append(Html.escape(paragraph.style())).append("\">")
                        .append(Html.escape(paragraph.text())).append("</p>\n");
            } else if (block instanceof DossierBlock.Items items) {
                html.append("<ul class=\"").append(Html.escape(items.style())).append("\">\n");
                for (DossierBlock.Item item : items.items()) {
                    html.append("<li class=\"").append(Html.escape(item.style())).append("\">").append(Html.escape(item.text()))
                            .append("</li>\n");
                }
                html.append("</ul>\n");
            } else if (block instanceof DossierBlock.Table table) {
                table(html, table);
            }
        }
    }

    private static void table(StringBuilder html, DossierBlock.Table table) {
        html.append("<table class=\"").append(Html.escape(table.style())).append("\">\n");
        if (!table.headers().isEmpty()) {
            html.append("<thead><tr>");
            for (String header : table.headers()) {
                html.append("<th scope=\"col\">").append(Html.escape(header)).append("</th>");
            }
            html.append("</tr></thead>\n");
        }
        html.append("<tbody>\n");
        for (List<String> row : table.rows()) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                // A table without headers is a list of terms: its first cell names the row.
                boolean rowHeader = table.headers().isEmpty() && i == 0;
                html.append(rowHeader ? "<th scope=\"row\">" : "<td>").append(Html.escape(row.get(i)))
                        .append(rowHeader ? "</th>" : "</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }
}
