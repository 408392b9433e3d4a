package org.budgetpdf.export;

import org.budgetpdf.layout.TableView;
import org.budgetpdf.render.Report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The declared tables a document prints, in the order it prints them: the views the template made (the same objects
 * the PDF is set from), each placed where its anchor ({@code id="…"}, which the common table macro writes) stands in
 * the rendered document. A view the template made but did not print (it read one figure of it) has no anchor and is
 * left out; so is a table a layout lays out by hand rather than declaring it in tables.yaml.
 */
public final class AnnexTables {
    private AnnexTables() {
    }

    public static List<TableView> printed(Report report, String xhtml) {
        record At(int offset, TableView table) {
        }
        List<At> found = new ArrayList<>();
        for (TableView t : report.tablesMade()) {
            int at = xhtml.indexOf("id=\"" + escaped(t.id()) + "\"");
            if (at >= 0) found.add(new At(at, t));
        }
        found.sort(Comparator.comparingInt(At::offset));
        return found.stream().map(At::table).toList();
    }

    /** As FreeMarker's HTML output format writes an attribute value. */
    private static String escaped(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
