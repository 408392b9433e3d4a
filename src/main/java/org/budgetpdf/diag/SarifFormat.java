package org.budgetpdf.diag;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code check --format sarif}: a SARIF 2.1.0 log (OASIS standard; read by code-review tools and editors). One run;
 * the driver lists each reported code as a rule whose help names its section in docs/diagnostics.md; each diagnostic is a
 * result with its level, message (with the hint after a line break) and, when it has a line, a region. File paths
 * are relative URIs against %SRCROOT% (the project folder), percent-encoded.
 */
public final class SarifFormat {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String DOCS = "docs/diagnostics.md";

    private SarifFormat() {
    }

    public static String format(List<Diagnostic> diags) {
        TreeSet<String> codes = new TreeSet<>();
        for (Diagnostic d : diags) codes.add(d.code());
        List<String> rules = List.copyOf(codes);
        StringBuilder sb = new StringBuilder();
        sb.append("{\n  \"$schema\": ").append(Json.str(SCHEMA)).append(",\n  \"version\": \"2.1.0\",\n  \"runs\": [{\n")
          .append("    \"tool\": {\"driver\": {\"name\": \"budget-disclosure-pdf\", \"rules\": [");
        for (int i = 0; i < rules.size(); i++) {
            String c = rules.get(i);
            sb.append(i == 0 ? "\n      " : ",\n      ").append("{\"id\": ").append(Json.str(c))
              .append(", \"help\": {\"text\": ").append(Json.str("见 " + DOCS + " 中的 " + c + " 一节"
                      + "（#" + c.toLowerCase(java.util.Locale.ROOT) + "）")).append('}')
              .append(", \"defaultConfiguration\": {\"level\": ").append(Json.str(c.startsWith("E-") ? "error" : "warning"))
              .append("}}");
        }
        sb.append(rules.isEmpty() ? "]}},\n" : "\n    ]}},\n");
        sb.append("    \"columnKind\": \"unicodeCodePoints\",\n");
        sb.append("    \"results\": [");
        for (int i = 0; i < diags.size(); i++) {
            Diagnostic d = diags.get(i);
            SourcePos p = d.pos();
            sb.append(i == 0 ? "\n      " : ",\n      ").append("{\"ruleId\": ").append(Json.str(d.code()))
              .append(", \"ruleIndex\": ").append(rules.indexOf(d.code()))
              .append(", \"level\": ").append(Json.str(JsonFormat.level(d)))
              .append(", \"message\": {\"text\": ").append(Json.str(d.message() + (d.hint() == null || d.hint().isEmpty()
                            ? "" : "\n提示：" + d.hint()))).append('}');
            if (!p.file().isEmpty()) {
                boolean absolute = p.file().startsWith("/") || p.file().matches("[A-Za-z]:[\\\\/].*");
                sb.append(", \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ")
                  .append(Json.str(uri(p.file(), absolute))).append(absolute ? "}" : ", \"uriBaseId\": \"%SRCROOT%\"}");
                if (p.known()) {
                    sb.append(", \"region\": {\"startLine\": ").append(p.line());
                    if (p.col() > 0) sb.append(", \"startColumn\": ").append(p.col());
                    sb.append('}');
                }
                sb.append("}}]");
            }
            sb.append('}');
        }
        sb.append(diags.isEmpty() ? "]\n" : "\n    ]\n");
        return sb.append("  }]\n}\n").toString();
    }

    /** A path as a URI: relative (against %SRCROOT%) or file:///…; : '/' separators, non-ASCII and spaces percent-encoded. */
    static String uri(String path, boolean absolute) {
        String p = path.replace('\\', '/');
        try {
            return absolute ? new URI("file", "", p.startsWith("/") ? p : "/" + p, null).toASCIIString()
                    : new URI(null, null, p, null).toASCIIString();
        } catch (URISyntaxException e) {
            return path;
        }
    }
}
