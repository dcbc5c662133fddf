package nl.learnerwallet.server.page;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The pieces an exemption dossier is written in, so that the page and the PDF say the same things:
 * headings, paragraphs, lists and tables of plain (unescaped) text, each with a style name.
 */
sealed interface DossierBlock {

    record Heading(int level, String text) implements DossierBlock {
    }

    record Paragraph(String text, String style) implements DossierBlock {
    }

    record Item(String text, String style) {
    }

    record Items(String style, List<Item> items) implements DossierBlock {
        public Items {
            items = Collections.unmodifiableList(new ArrayList<>(items));
        }
    }

    record Table(String style, List<String> headers, List<List<String>> rows) implements DossierBlock {
        public Table {
            headers = Collections.unmodifiableList(new ArrayList<>(headers));
            rows = Collections.unmodifiableList(new ArrayList<>(rows));
        }
    }
}
