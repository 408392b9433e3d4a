package org.budgetpdf.e2e;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.budgetpdf.Pipeline;
import org.budgetpdf.testutil.VeraPdf;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every sample of data/ built as the clerk builds it (tagged, PDF/UA-1) and with build --pdfa (PDF/A-2u as well),
 * read back and checked by veraPDF 1.30 against PDF/UA-1 and PDF/A-2u. Prints one line per file and standard, and
 * allows no failed rule but those in {@link #EXPLAINED} (each explained in README “无障碍与长期存档”; none now).
 */
class StandardsTest {
    /** Rules that may fail, with why (README). Empty: every sample passes every rule. */
    static final Set<String> EXPLAINED = Set.of();

    static final Map<String, byte[]> TAGGED = new LinkedHashMap<>();
    static final Map<String, byte[]> ARCHIVAL = new LinkedHashMap<>();

    @BeforeAll
    static void build() throws Exception {
        Path home = Path.of("").toAbsolutePath();
        Pipeline plain = new Pipeline(home);
        Pipeline archival = new Pipeline(home).archival(true);
        for (Path f : samples()) {
            String name = f.getFileName().toString();
            Pipeline.Checked c = plain.check(f, name);
            assertTrue(c.ok(), name + " checks clean");
            TAGGED.put(name, plain.render(c).result().pdf());
            ARCHIVAL.put(name, archival.render(archival.check(f, name)).result().pdf());
        }
    }

    static List<Path> samples() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("data"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void veraPdfFindsNoFailedRuleInAnySample() throws Exception {
        assertEquals(4, TAGGED.size(), "the four samples of data/");
        List<String> unexplained = new ArrayList<>();
        System.out.println("veraPDF 1.30（PDF/UA-1、PDF/A-2u）对 data/ 全部样例的检查结果：");
        for (String name : TAGGED.keySet()) {
            check(name, "PDF/UA-1", VeraPdf.validate(TAGGED.get(name), "ua1"), unexplained);
            check(name + "（--pdfa）", "PDF/UA-1", VeraPdf.validate(ARCHIVAL.get(name), "ua1"), unexplained);
            check(name + "（--pdfa）", "PDF/A-2u", VeraPdf.validate(ARCHIVAL.get(name), "2u"), unexplained);
        }
        assertEquals(List.of(), unexplained, "failed rules not explained in README");
    }

    private static void check(String name, String standard, VeraPdf.Result r, List<String> unexplained) {
        System.out.printf("  %-48s %-9s %5d 项检查，%d 条规则未通过%n", name, standard, r.checks(), r.failures().size());
        for (VeraPdf.Failure f : r.failures()) {
            System.out.println("      " + f);
            if (!EXPLAINED.contains(standard + " " + f.rule())) unexplained.add(name + " " + standard + " " + f);
        }
    }

    @Test
    void everySampleIsTaggedWithLanguageAndTitleShown() throws Exception {
        for (Map.Entry<String, byte[]> e : TAGGED.entrySet()) {
            try (PDDocument doc = Loader.loadPDF(e.getValue())) {
                var catalog = doc.getDocumentCatalog();
                assertTrue(catalog.getMarkInfo() != null && catalog.getMarkInfo().isMarked(), e.getKey() + " MarkInfo/Marked");
                assertTrue(catalog.getStructureTreeRoot() != null, e.getKey() + " has a structure tree");
                assertEquals("zh-CN", catalog.getLanguage());
                assertTrue(catalog.getViewerPreferences().displayDocTitle(), "the title, not the file name, in the window");
                assertEquals("1.7", String.valueOf(doc.getVersion()));
            }
            pdfinfoSaysTagged(e.getKey(), e.getValue());
        }
    }

    /** pdfinfo (poppler), when the machine has it, reads the same: "Tagged: yes". */
    private static void pdfinfoSaysTagged(String name, byte[] pdf) throws Exception {
        Path tmp = Files.createTempFile("tagged", ".pdf");
        try {
            Files.write(tmp, pdf);
            Process p;
            try {
                p = new ProcessBuilder("pdfinfo", tmp.toString()).redirectErrorStream(true).start();
            } catch (IOException noPdfinfo) {
                return; // not installed: the MarkInfo check above is what pdfinfo reads
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertTrue(out.lines().anyMatch(l -> l.matches("Tagged:\\s+yes")), name + ": pdfinfo says\n" + out);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Test
    void xmpSaysWhatInfoSays() throws Exception {
        for (Map.Entry<String, byte[]> e : ARCHIVAL.entrySet()) {
            try (PDDocument doc = Loader.loadPDF(e.getValue())) {
                PDDocumentInformation info = doc.getDocumentInformation();
                String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
                assertTrue(xmp.contains("<rdf:li xml:lang=\"x-default\">" + info.getTitle() + "</rdf:li>"), xmp);
                assertTrue(xmp.contains("<pdf:Producer>" + info.getProducer() + "</pdf:Producer>"), xmp);
                assertTrue(xmp.contains("<pdfuaid:part>1</pdfuaid:part>") && xmp.contains("<pdfaid:part>2</pdfaid:part>")
                        && xmp.contains("<pdfaid:conformance>U</pdfaid:conformance>"), xmp);
                String day = String.format("%tF", info.getCreationDate());
                assertTrue(xmp.contains("<xmp:CreateDate>" + day + "T00:00:00+08:00</xmp:CreateDate>"), day + " in " + xmp);
                var intents = doc.getDocumentCatalog().getOutputIntents();
                assertEquals(1, intents.size());
                assertEquals("sRGB IEC61966-2.1", intents.get(0).getOutputConditionIdentifier());
                assertTrue(intents.get(0).getCOSObject().getDictionaryObject(COSName.DEST_OUTPUT_PROFILE) != null, "embedded profile");
            }
            try (PDDocument doc = Loader.loadPDF(TAGGED.get(e.getKey()))) {
                assertTrue(doc.getDocumentCatalog().getOutputIntents().isEmpty(), "PDF/A only when asked for");
            }
        }
    }

    @Test
    void archivalOutputIsByteIdenticalToo() throws Exception {
        Path f = samples().get(samples().size() - 1);
        Pipeline again = new Pipeline(Path.of("").toAbsolutePath()).archival(true);
        byte[] second = again.render(again.check(f, f.getFileName().toString())).result().pdf();
        assertArrayEquals(ARCHIVAL.get(f.getFileName().toString()), second);
    }
}
