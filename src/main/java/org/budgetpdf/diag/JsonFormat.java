package org.budgetpdf.diag;

import java.util.List;

/**
 * {@code check --format json}: one object per diagnostic, in the order of the human report —
 * {@code {"file", "line", "column", "code", "severity", "message", "hint"}}; line and column are 1-based and null for
 * a finding about the whole file; severity is "error" or "warning".
 */
public final class JsonFormat {
    private JsonFormat() {
    }

    public static String format(List<Diagnostic> diags) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < diags.size(); i++) {
            Diagnostic d = diags.get(i);
            SourcePos p = d.pos();
            sb.append(i == 0 ? "\n  " : ",\n  ").append('{')
              .append("\"file\": ").append(Json.str(p.file())).append(", ")
              .append("\"line\": ").append(p.known() ? Integer.toString(p.line()) : "null").append(", ")
              .append("\"column\": ").append(p.known() && p.col() > 0 ? Integer.toString(p.col()) : "null").append(", ")
              .append("\"code\": ").append(Json.str(d.code())).append(", ")
              .append("\"severity\": ").append(Json.str(level(d))).append(", ")
              .append("\"message\": ").append(Json.str(d.message())).append(", ")
              .append("\"hint\": ").append(Json.str(d.hint())).append('}');
        }
        return sb.append(diags.isEmpty() ? "]\n" : "\n]\n").toString();
    }

    static String level(Diagnostic d) {
        return d.isError() ? "error" : "warning";
    }
}
