package nl.learnerwallet.server.page;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.learnerwallet.model.exemption.DossierAnalysis;
import nl.learnerwallet.model.trust.TrustList;
import nl.learnerwallet.server.dossier.ShownDecision;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The exemption dossier as a PDF to file with the committee's papers: the same blocks as the page,
 * as text on A4 in Helvetica (WinAnsi: covers Dutch, é and ë included). A character the font cannot
 * write is replaced, never a reason to fail: credentials may say anything.
 */
final class DossierPdf {

    private static final float MARGIN = 56;
    private static final float BODY = 10;
    private static final float LEADING = 1.35f;

    private final PDDocument document = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final Map<Character, String> writable = new HashMap<>();
    private PDPageContentStream content;
    private float y;

    private DossierPdf() {
    }

    static byte[] render(DossierAnalysis analysis, List<ShownDecision> decisions, TrustList trustList, Instant checkedAt,
            PageText text) {
        DossierPdf pdf = new DossierPdf();
        try {
            return pdf.write(analysis, decisions, trustList, checkedAt, text);
        } catch (IOException e) {
            throw new UncheckedIOException("the dossier PDF could not be written", e);
        } finally {
            pdf.close();
        }
    }

    private byte[] write(DossierAnalysis analysis, List<ShownDecision> decisions, TrustList trustList, Instant checkedAt,
            PageText text) throws IOException {
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(text.get("dossier.title"));
        info.setProducer("Learner Wallet");
        document.setDocumentInformation(info);
        newPage();
        heading(1, text.get("dossier.heading", analysis.request().courseName()));
        blocks(DossierContent.summary(analysis, decisions, text));
        paragraph(text.get("page.checkedAt", SharePage.when(checkedAt, text)), regular, BODY);
        blocks(DossierContent.decisions(decisions, trustList, text));
        if (!analysis.request().courseOutcomes().isEmpty()) {
            heading(2, text.get("dossier.courseOutcomes"));
            for (String outcome : analysis.request().courseOutcomes()) {
                paragraph("- " + outcome, regular, BODY);
            }
        }
        for (DossierAnalysis.CredentialAnalysis credential : analysis.credentials()) {
            blocks(DossierContent.facts(credential, trustList, text));
            blocks(DossierContent.credential(credential, analysis.request(), text));
        }
        content.close();
        content = null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    private void blocks(List<DossierBlock> blocks) throws IOException {
        for (DossierBlock block : blocks) {
            if (block instanceof DossierBlock.Heading heading) {
                heading(heading.level(), heading.text());
            } else if (block instanceof DossierBlock.Paragraph paragraph) {
                paragraph(paragraph.text(), paragraph.style().startsWith("verdict") ? bold : regular, BODY);
            } else if (block instanceof DossierBlock.Items items) {
                for (DossierBlock.Item item : items.items()) {
                    paragraph("- " + item.text(), regular, BODY);
                }
            } else if (block instanceof DossierBlock.Table table) {
                for (List<String> row : table.rows()) {
                    paragraph(row(table, row), regular, BODY);
                }
            }
        }
    }

    /** A table row as one line of text: "header: value" pairs, or "name: value" for a list of terms. */
    private static String row(DossierBlock.Table table, List<String> row) {
        if (table.headers().isEmpty()) {
            return row.get(0) + ": " + String.join(" ", row.subList(1, row.size()));
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            if (!row.get(i).isEmpty()) {
                parts.add(i == 0 ? row.get(i) : table.headers().get(i) + ": " + row.get(i));
            }
        }
        return "- " + String.join(" | ", parts);
    }

    private void heading(int level, String text) throws IOException {
        y -= level == 1 ? 4 : 8;
        paragraph(text, bold, level == 1 ? 16 : level == 2 ? 13 : 11);
    }

    private void paragraph(String text, PDType1Font font, float size) throws IOException {
        float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        for (String line : wrap(writable(text), font, size, width)) {
            if (y - size * LEADING < MARGIN) {
                newPage();
            }
            y -= size * LEADING;
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(MARGIN, y);
            content.showText(line);
            content.endText();
        }
        y -= size * 0.3f;
    }

    private static List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
            // A word longer than a line (a DID, say) is cut wherever it must be: widths are added up
            // character by character, once, so even a hostile 60,000-character word costs no more.
            if (font.getStringWidth(line.toString()) / 1000 * size > width && line.length() > 1) {
                String rest = line.toString();
                int start = 0;
                float used = 0;
                for (int i = 0; i < rest.length(); i++) {
                    float glyph = font.getStringWidth(rest.substring(i, i + 1)) / 1000 * size;
                    if (used + glyph > width && i > start) {
                        lines.add(rest.substring(start, i));
                        start = i;
                        used = 0;
                    }
                    used += glyph;
                }
                line = new StringBuilder(rest.substring(start));
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The text with every character Helvetica/WinAnsi cannot write replaced (marks by words, the rest by '?'). */
    private String writable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(writable.computeIfAbsent(c, this::encodable));
        }
        return out.toString();
    }

    private String encodable(char c) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return " ";
        }
        if (c < 0x20 || Character.isSurrogate(c)) {
            return "";
        }
        switch (c) {
            case '≥': return ">=";
            case '≤': return "<=";
            case '✓': return "+";
            case '✗': return "x";
            default:
                try {
                    regular.encode(String.valueOf(c));
                    bold.encode(String.valueOf(c));
                    return String.valueOf(c);
                } catch (IllegalArgumentException | IOException e) {
                    return "?";
                }
        }
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void close() {
        try {
            if (content != null) {
                content.close();
            }
            document.close();
        } catch (IOException e) {
            // Nothing was written to disk; the document lives in memory only.
        }
    }
}
