package org.budgetpdf.render;

import org.budgetpdf.diag.SourcePos;

import java.io.IOException;

/**
 * The renderer refused something a layout asked for: a forbidden template built-in, or a resource outside the layout's
 * folder (see {@link LayoutUserAgent}). Reported as E-LAYOUT at {@link #pos()} (a template or CSS line, or null when the
 * place is not known); the check reports the same things before rendering whenever it can see them.
 */
public final class LayoutRefused extends IOException {
    private final transient SourcePos pos;
    private final String hint;

    public LayoutRefused(SourcePos pos, String message, String hint) {
        super(message);
        this.pos = pos;
        this.hint = hint;
    }

    public SourcePos pos() {
        return pos;
    }

    public String hint() {
        return hint;
    }
}
