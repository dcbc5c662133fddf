package nl.learnerwallet.desktop.unlock;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The look the screens before the wallet opens share: a heading, a text, a form, a line for problems. */
final class Forms {

    private Forms() {
    }

    static VBox page(String heading, String intro, Node... content) {
        Label title = new Label(heading);
        title.getStyleClass().add("page-title");
        title.setWrapText(true);
        Label text = new Label(intro);
        text.setWrapText(true);
        text.getStyleClass().add("intro");
        VBox page = new VBox(title, text);
        page.getChildren().addAll(content);
        page.getStyleClass().addAll("form", "gate-page");
        page.setAlignment(Pos.TOP_LEFT);
        page.setFillWidth(true);
        return page;
    }

    static GridPane grid() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form-grid");
        return grid;
    }

    static Label problemLine(String id) {
        Label problem = new Label();
        problem.setId(id);
        problem.getStyleClass().add("form-problem");
        problem.setWrapText(true);
        return problem;
    }
}
