package org.budgetpdf.diag;

/** A 1-based position in a data file; {@link #NONE} when a value has no place in the source. */
public record SourcePos(String file, int line, int col) {
    public static final SourcePos NONE = new SourcePos("", 0, 0);

    public static SourcePos fileOnly(String file) {
        return new SourcePos(file, 0, 0);
    }

    public boolean known() {
        return line > 0;
    }

    @Override
    public String toString() {
        if (!known()) return file;
        return file + ":" + line + ":" + col;
    }
}
