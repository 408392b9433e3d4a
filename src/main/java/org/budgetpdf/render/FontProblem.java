package org.budgetpdf.render;

import java.io.IOException;
import java.nio.file.Path;

/** The fonts folder is missing or a font file in it cannot be loaded: nothing can be drawn. */
public final class FontProblem extends IOException {
    private final Path file;
    private final boolean folderMissing;

    public FontProblem(Path file, boolean folderMissing, String reason) {
        super(reason);
        this.file = file;
        this.folderMissing = folderMissing;
    }

    /** The font file (or the folder, when {@link #folderMissing()}). */
    public Path file() {
        return file;
    }

    public boolean folderMissing() {
        return folderMissing;
    }
}
