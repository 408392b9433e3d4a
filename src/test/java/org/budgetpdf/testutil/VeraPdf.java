package org.budgetpdf.testutil;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** veraPDF (greenfield parser, in this JVM) on a PDF's bytes: the rules it fails. */
public final class VeraPdf {
    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private VeraPdf() {
    }

    /** A failed rule: "7.21.4.2-2" (clause-test), how often, and veraPDF's description and first place. */
    public record Failure(String rule, int count, String description, String where) {
        @Override
        public String toString() {
            return rule + " ×" + count + "：" + description + "（" + where + "）";
        }
    }

    /** The result: how many checks ran and the rules that failed. */
    public record Result(String flavour, int checks, List<Failure> failures) {
    }

    /** @param flavour "ua1" (PDF/UA-1) or "2u" (PDF/A-2u) */
    public static Result validate(byte[] pdf, String flavour) throws Exception {
        PDFAFlavour f = PDFAFlavour.fromString(flavour);
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), f)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(f, false);
            ValidationResult r = validator.validate(parser);
            Map<String, Failure> failed = new TreeMap<>();
            for (TestAssertion t : r.getTestAssertions()) {
                if (t.getStatus() != TestAssertion.Status.FAILED) continue;
                String rule = t.getRuleId().getClause() + "-" + t.getRuleId().getTestNumber();
                failed.merge(rule, new Failure(rule, 1, t.getMessage(), t.getLocation().getContext()),
                        (a, b) -> new Failure(a.rule(), a.count() + 1, a.description(), a.where()));
            }
            return new Result(f.toString(), r.getTotalAssertions(), List.copyOf(failed.values()));
        }
    }
}
