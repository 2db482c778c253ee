package org.ganbench.ui.compare;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import org.ganbench.eval.FigureLabels;

/**
 * A table of evaluation figures: one row per figure (its readable name, with what it measures in a tooltip), one
 * column per run (headed by its name in its colour, wide enough to read, the full name in a tooltip).
 */
final class FiguresTable {
    private static final double RUN_COLUMN_MIN = 110;
    private static final double RUN_COLUMN_MAX = 260;
    /** Beyond this the figure's name is cut short (its tooltip has it whole), so that two runs fit beside it. */
    private static final double FIGURE_COLUMN_MAX = 200;
    /** About the width of a character of the header's font. */
    private static final double CHAR_WIDTH = 7.2;

    private final TableView<String> table = new TableView<>();

    FiguresTable(String id, String placeholder) {
        table.setId(id);
        table.setPlaceholder(new Label(placeholder));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
    }

    TableView<String> node() {
        return table;
    }

    /** Shows {@code keys} of the runs of {@code comparison}. */
    void show(Comparison comparison, List<String> keys) {
        table.getColumns().clear();
        if (keys.isEmpty()) {
            table.getItems().clear();
            return;
        }
        TableColumn<String, String> figure = new TableColumn<>("figure");
        figure.setPrefWidth(Math.min(FIGURE_COLUMN_MAX,
                keys.stream().mapToInt(k -> FigureLabels.label(k).length()).max().orElse(10) * CHAR_WIDTH + 16));
        figure.setCellValueFactory(c -> new ReadOnlyStringWrapper(FigureLabels.label(c.getValue())));
        figure.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String label, boolean empty) {
                super.updateItem(label, empty);
                setText(empty ? null : label);
                String key = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(key == null ? null : new Tooltip(label + ": " + meaning(key)));
            }
        });
        table.getColumns().add(figure);
        for (RunData r : comparison.runs()) {
            TableColumn<String, String> col = new TableColumn<>();
            Label header = new Label(r.name(), swatch(comparison.colour(r.run())));
            header.setTooltip(new Tooltip(r.run().toString()));
            col.setGraphic(header);
            col.setPrefWidth(Math.max(RUN_COLUMN_MIN, Math.min(RUN_COLUMN_MAX, r.name().length() * CHAR_WIDTH + 30)));
            col.setCellValueFactory(c -> new ReadOnlyStringWrapper(r.eval().getOrDefault(c.getValue(), "—")));
            table.getColumns().add(col);
        }
        table.getItems().setAll(keys);
    }

    private static String meaning(String key) {
        return FigureLabels.SUMMARY.stream().filter(f -> f.key().equals(key)).map(FigureLabels.Figure::meaning)
                .findFirst().orElse(key);
    }

    /** The small square of a run's colour (the stylesheet's {@code .run-colour-N}). */
    static Region swatch(int colour) {
        Region r = new Region();
        r.getStyleClass().addAll("run-swatch", "run-colour-" + colour);
        return r;
    }
}
