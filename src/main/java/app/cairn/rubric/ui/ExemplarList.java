package app.cairn.rubric.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import app.cairn.rubric.Exemplar;

/** The exemplars of a criterion (or of the whole rubric) in the builder: each a text or a link. */
class ExemplarList extends Div {

    private final List<Row> rows = new ArrayList<>();
    private final Div list = new Div();
    final Button add = new Button();
    private String idPrefix = "";
    private String owner = "";

    ExemplarList(List<Exemplar> exemplars) {
        addClassName("cairn-exemplars");
        add.setText(getTranslation("rubric.exemplar.add"));
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add.addClickListener(event -> {
            Row row = new Row(Exemplar.text(""));
            rows.add(row);
            renumber();
            row.text.focus();
        });
        exemplars.forEach(exemplar -> rows.add(new Row(exemplar)));
        add(list, add);
    }

    /** Gives the fields ids and accessible names that say whose exemplar they are. */
    void name(String idPrefix, String owner) {
        this.idPrefix = idPrefix;
        this.owner = owner;
        renumber();
    }

    private void renumber() {
        list.removeAll();
        add.setId(idPrefix + "-add-exemplar");
        add.setAriaLabel(getTranslation("rubric.exemplar.add.aria", owner));
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            String id = idPrefix + "-exemplar-" + i;
            row.kind.setId(id + "-kind");
            row.text.setId(id + "-text");
            row.url.setId(id + "-url");
            row.remove.setId(id + "-remove");
            row.remove.setAriaLabel(getTranslation("rubric.exemplar.remove.aria", i + 1, owner));
            list.add(row);
        }
    }

    List<Exemplar> exemplars() {
        return rows.stream().map(Row::exemplar).toList();
    }

    /** The text field of an exemplar's problem: the link for a link, else the text. */
    TextField field(int index) {
        Row row = rows.get(index);
        return row.kind.getValue() == Exemplar.Kind.LINK ? row.url : row.text;
    }

    int size() {
        return rows.size();
    }

    void clearErrors() {
        rows.forEach(row -> {
            row.text.setInvalid(false);
            row.url.setInvalid(false);
        });
    }

    private final class Row extends FlexLayout {
        final Select<Exemplar.Kind> kind = new Select<>();
        final TextField text = new TextField();
        final TextField url = new TextField();
        final Button remove = new Button();

        Row(Exemplar exemplar) {
            addClassName("cairn-exemplar");
            setFlexWrap(FlexWrap.WRAP);
            setAlignItems(Alignment.END);
            kind.setLabel(getTranslation("rubric.exemplar.kind"));
            kind.setItems(Exemplar.Kind.values());
            kind.setItemLabelGenerator(value -> getTranslation("rubric.exemplar.kind." + value.name()));
            kind.setValue(exemplar.kind());
            text.setManualValidation(true);
            url.setManualValidation(true);
            url.setLabel(getTranslation("rubric.exemplar.url"));
            url.setMaxLength(2000);
            text.setValue(exemplar.text() == null ? "" : exemplar.text());
            url.setValue(exemplar.url() == null ? "" : exemplar.url());
            kind.addValueChangeListener(event -> showKind());
            remove.setText(getTranslation("rubric.exemplar.remove"));
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            remove.addClickListener(event -> {
                rows.remove(this);
                renumber();
                add.focus();
            });
            showKind();
            add(kind, text, url, remove);
        }

        private void showKind() {
            boolean link = kind.getValue() == Exemplar.Kind.LINK;
            text.setLabel(getTranslation(link ? "rubric.exemplar.caption" : "rubric.exemplar.text"));
            url.setVisible(link);
        }

        Exemplar exemplar() {
            return new Exemplar(kind.getValue(), text.getValue(), kind.getValue() == Exemplar.Kind.LINK ? url.getValue() : null);
        }
    }
}
