package app.cairn.proficiency.ui;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;

import app.cairn.proficiency.LevelView;
import app.cairn.shared.ui.PointsText;

/**
 * What the LMS gradebook would get for each level of the course's scale under the mapping on the
 * form, saved or not: the conversion is explicit and visible before it is sent.
 */
class GradePreview extends NativeTable {

    private final NativeTableBody body = new NativeTableBody();

    GradePreview() {
        setId("policy-preview");
        addClassName("cairn-progress-table");
        NativeTableHeader head = new NativeTableHeader();
        head.add(new NativeTableRow(column("policy.preview.level"), column("policy.preview.points")));
        add(head, body);
    }

    /**
     * @param points  the points each level sends, lowest level first; {@code null} where a field
     *                holds no valid number yet
     * @param maximum the gradebook maximum, {@code null} while its field holds no valid number
     */
    void show(List<LevelView> levels, List<@Nullable Double> points, @Nullable Double maximum) {
        setCaptionText(maximum == null ? getTranslation("policy.preview.caption-no-maximum")
                : getTranslation("policy.preview.caption", PointsText.of(maximum, locale())));
        body.removeAll();
        for (int i = 0; i < levels.size(); i++) {
            LevelView level = levels.get(i);
            Double sent = points.get(i);
            String label = getTranslation(level.mastery() ? "policy.preview.level-mastery" : "policy.preview.level-name",
                    level.label(), PointsText.of(level.points().doubleValue(), locale()));
            NativeTableHeaderCell name = new NativeTableHeaderCell(label);
            name.getElement().setAttribute("scope", "row");
            NativeTableCell cell = new NativeTableCell(sent == null ? getTranslation("policy.preview.unknown")
                    : PointsText.of(sent, locale()));
            cell.setId("policy-preview-" + i);
            body.add(new NativeTableRow(name, cell));
        }
    }

    private NativeTableHeaderCell column(String key) {
        NativeTableHeaderCell cell = new NativeTableHeaderCell(getTranslation(key));
        cell.getElement().setAttribute("scope", "col");
        return cell;
    }

    private Locale locale() {
        return getLocale() == null ? Locale.ENGLISH : getLocale();
    }
}
