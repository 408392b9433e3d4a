package org.budgetpdf.diag;

import java.util.Locale;

/** How `check`/`build` report diagnostics: for people (default), as a JSON array, or as SARIF 2.1.0. */
public enum OutputFormat {
    HUMAN, JSON, SARIF;

    /** The format named on the command line, or null when the name is unknown. */
    public static OutputFormat parse(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "human", "text" -> HUMAN;
            case "json" -> JSON;
            case "sarif" -> SARIF;
            default -> null;
        };
    }

    /** Machine formats own stdout; progress lines then go to stderr. */
    public boolean machine() {
        return this != HUMAN;
    }
}
