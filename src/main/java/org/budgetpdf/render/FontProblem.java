package org.budgetpdf.render;

import java.io.IOException;
import java.nio.file.Path;

/** The fonts folder is missing or holds no font, or a font file in it cannot be loaded: nothing can be drawn. */
public final class FontProblem extends IOException {
    /** What is wrong: the folder is missing, the folder holds no font file, or one font file is unusable. */
    public enum Kind { FOLDER_MISSING, FOLDER_EMPTY, FILE }

    private final Path file;
    private final Kind kind;

    public FontProblem(Path file, Kind kind, String reason) {
        super(reason);
        this.file = file;
        this.kind = kind;
    }

    /** The font file (or the folder, unless {@link #kind()} is FILE). */
    public Path file() {
        return file;
    }

    public Kind kind() {
        return kind;
    }
}
