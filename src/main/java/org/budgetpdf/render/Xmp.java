package org.budgetpdf.render;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The document's XMP metadata packet, written from the same values as the Info dictionary (PDF/A requires the two
 * to agree): title, author, subject, keywords, producer, creator tool and the dates, which come from the data.
 * It names PDF/UA-1 (pdfuaid), and PDF/A-2u (pdfaid, with the extension schema PDF/A requires for pdfuaid) when
 * asked. Nothing in it comes from the clock, so the same data gives the same bytes.
 */
final class Xmp {
    private Xmp() {
    }

    /** @param date the day of the Info dictionary's dates, at midnight in {@code offset} (e.g. "+08:00") */
    static byte[] packet(PdfMeta meta, String producer, String creator, LocalDate date, String offset, boolean pdfa) {
        String when = date + "T00:00:00" + offset;
        StringBuilder x = new StringBuilder();
        x.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
         .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
         .append(" <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
         .append("  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"")
         .append(" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"")
         .append(" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"");
        if (pdfa) x.append(" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"");
        x.append(">\n")
         .append("   <dc:format>application/pdf</dc:format>\n")
         .append("   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(esc(meta.title())).append("</rdf:li></rdf:Alt></dc:title>\n");
        if (!meta.author().isEmpty()) {
            x.append("   <dc:creator><rdf:Seq><rdf:li>").append(esc(meta.author())).append("</rdf:li></rdf:Seq></dc:creator>\n");
        }
        if (!meta.subject().isEmpty()) {
            x.append("   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">").append(esc(meta.subject()))
             .append("</rdf:li></rdf:Alt></dc:description>\n");
        }
        x.append("   <dc:language><rdf:Bag><rdf:li>").append(esc(meta.language())).append("</rdf:li></rdf:Bag></dc:language>\n");
        if (!meta.keywords().isEmpty()) x.append("   <pdf:Keywords>").append(esc(meta.keywords())).append("</pdf:Keywords>\n");
        x.append("   <pdf:Producer>").append(esc(producer)).append("</pdf:Producer>\n")
         .append("   <xmp:CreatorTool>").append(esc(creator)).append("</xmp:CreatorTool>\n")
         .append("   <xmp:CreateDate>").append(when).append("</xmp:CreateDate>\n")
         .append("   <xmp:ModifyDate>").append(when).append("</xmp:ModifyDate>\n")
         .append("   <xmp:MetadataDate>").append(when).append("</xmp:MetadataDate>\n")
         .append("   <pdfuaid:part>1</pdfuaid:part>\n");
        if (pdfa) x.append("   <pdfaid:part>2</pdfaid:part>\n   <pdfaid:conformance>U</pdfaid:conformance>\n");
        x.append("  </rdf:Description>\n");
        if (pdfa) {
            // PDF/A-2 admits only the schemas it predefines and those described here: pdfuaid is not predefined
            x.append("  <rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"")
             .append(" xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n")
             .append("   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n")
             .append("    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n")
             .append("    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n")
             .append("    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n")
             .append("    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n")
             .append("     <pdfaProperty:name>part</pdfaProperty:name>\n")
             .append("     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n")
             .append("     <pdfaProperty:category>internal</pdfaProperty:category>\n")
             .append("     <pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>\n")
             .append("    </rdf:li></rdf:Seq></pdfaSchema:property>\n")
             .append("   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n")
             .append("  </rdf:Description>\n");
        }
        x.append(" </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
