package org.budgetpdf.render;

import java.util.List;
import java.util.Map;

/**
 * A rendered PDF, its page count, and the 1-based page of each element id that was asked for
 * (ids not found in the document are absent from the map), and what {@link LayoutLint} found on the pages.
 */
public record RenderResult(byte[] pdf, int pages, Map<String, Integer> idPages, List<LayoutLint.Finding> lint) {
    public RenderResult {
        idPages = Map.copyOf(idPages);
        lint = List.copyOf(lint);
    }
}
