package org.budgetpdf.testutil;

import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A tagged PDF read back: its marked content per page and its structure elements with their text. */
public final class Tagged {
    /** Per page (0-based): MCID to text, and the text of the artifacts. */
    public final List<Map<Integer, String>> mcidText = new ArrayList<>();
    public final List<String> artifactText = new ArrayList<>();
    /** Per page: text-showing operators outside any marked content, and path-painting operators outside an artifact. */
    public final List<Integer> unmarkedText = new ArrayList<>();
    public final List<Integer> paintedOutsideArtifacts = new ArrayList<>();
    private final PDDocument doc;

    public Tagged(PDDocument doc) throws IOException {
        this.doc = doc;
        for (PDPage page : doc.getPages()) {
            PDFMarkedContentExtractor ex = new PDFMarkedContentExtractor();
            ex.processPage(page);
            Map<Integer, String> mcids = new HashMap<>();
            StringBuilder artifacts = new StringBuilder();
            for (PDMarkedContent mc : ex.getMarkedContents()) {
                String text = text(mc);
                if (COSName.ARTIFACT.getName().equals(mc.getTag())) artifacts.append(text);
                else if (mc.getMCID() >= 0) mcids.merge(mc.getMCID(), text, String::concat);
            }
            mcidText.add(mcids);
            artifactText.add(artifacts.toString());
            int[] outside = outside(page);
            unmarkedText.add(outside[0]);
            paintedOutsideArtifacts.add(outside[1]);
        }
    }

    private static String text(PDMarkedContent mc) {
        StringBuilder sb = new StringBuilder();
        for (Object o : mc.getContents()) {
            if (o instanceof TextPosition t) sb.append(t.getUnicode());
            else if (o instanceof PDMarkedContent inner) sb.append(text(inner));
        }
        return sb.toString();
    }

    private static final Set<String> PAINT = Set.of("f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Do", "sh");
    private static final Set<String> SHOW = Set.of("Tj", "TJ", "'", "\"");

    /** {text-showing operators outside marked content, path-painting (and image) operators outside an artifact}. */
    private static int[] outside(PDPage page) throws IOException {
        Deque<Boolean> artifact = new ArrayDeque<>();
        int unmarked = 0;
        int outside = 0;
        PDFStreamParser parser = new PDFStreamParser(page);
        List<Object> operands = new ArrayList<>();
        for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
            if (!(token instanceof Operator op)) {
                operands.add(token);
                continue;
            }
            switch (op.getName()) {
                case "BMC", "BDC" -> {
                    boolean art = !operands.isEmpty() && operands.get(0) instanceof COSName n && n.equals(COSName.ARTIFACT);
                    artifact.push(art || (!artifact.isEmpty() && artifact.peek()));
                }
                case "EMC" -> artifact.pop();
                default -> {
                    if (PAINT.contains(op.getName()) && (artifact.isEmpty() || !artifact.peek())) outside++;
                    if (SHOW.contains(op.getName()) && artifact.isEmpty()) unmarked++;
                }
            }
            operands.clear();
        }
        return new int[] {unmarked, outside};
    }

    /** Every structure element under {@code node}, depth first, in order. */
    public static List<PDStructureElement> elements(PDStructureNode node) {
        List<PDStructureElement> out = new ArrayList<>();
        for (Object k : node.getKids()) {
            if (k instanceof PDStructureElement e) {
                out.add(e);
                out.addAll(elements(e));
            }
        }
        return out;
    }

    /** The text of an element: its marked content and its kids', in order. */
    public String text(PDStructureElement e) {
        StringBuilder sb = new StringBuilder();
        for (Object k : e.getKids()) {
            if (k instanceof Integer mcid) sb.append(mcidText.get(pageIndex(e.getPage())).getOrDefault(mcid, ""));
            else if (k instanceof PDMarkedContentReference r) {
                sb.append(mcidText.get(pageIndex(r.getPage() != null ? r.getPage() : e.getPage())).getOrDefault(r.getMCID(), ""));
            } else if (k instanceof PDStructureElement kid) sb.append(text(kid));
        }
        return sb.toString();
    }

    private int pageIndex(PDPage p) {
        return doc.getPages().indexOf(p);
    }
}
