package org.budgetpdf.render;

import java.util.Map;

/**
 * A rendered PDF, its page count, and the 1-based page of each element id that was asked for
 * (ids not found in the document are absent from the map).
 */
public record RenderResult(byte[] pdf, int pages, Map<String, Integer> idPages) {
    public RenderResult {
        idPages = Map.copyOf(idPages);
    }
}
