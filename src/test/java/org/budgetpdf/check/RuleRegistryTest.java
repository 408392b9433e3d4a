package org.budgetpdf.check;

import org.budgetpdf.Pipeline;
import org.budgetpdf.diag.Diagnostic;
import org.budgetpdf.testutil.Examples;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The rule registry: every rule has an example in the error catalogue that it alone explains, so that taking the
 * rule out of {@link Rules#ALL} makes that example lose its diagnostic (and the catalogue test go red).
 */
class RuleRegistryTest {
    static final Path HOME = Path.of("").toAbsolutePath();
    static final Path ERRORS = HOME.resolve("src/test/resources/errors");

    static List<Path> fixturesFor(Rule r) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(ERRORS)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".expected")).sorted().toList()) {
                String expected = Files.readString(p, StandardCharsets.UTF_8);
                if (r.codes().stream().anyMatch(c -> expected.contains("[" + c + "]"))) {
                    Path folder = p.resolveSibling(p.getFileName().toString().replace(".expected", ""));
                    out.add(Files.isDirectory(folder) ? folder : p.resolveSibling(p.getFileName().toString().replace(".expected", ".yaml")));
                }
            }
        }
        return out;
    }

    /** The rule's diagnostics for one example: a file, or a folder example's data files in its own project. */
    static long count(Checker checker, Path fixture, Rule r) throws IOException {
        if (!Files.isDirectory(fixture)) {
            List<Diagnostic> ds = new Pipeline(HOME, checker).check(fixture, "errors/" + fixture.getFileName()).diags().sorted();
            return ds.stream().filter(d -> r.codes().contains(d.code())).count();
        }
        Path project = Examples.project(fixture);
        try {
            Pipeline p = new Pipeline(project, checker);
            long n = 0;
            for (String f : Examples.dataFiles(project)) {
                n += p.check(project.resolve(f), f).diags().sorted().stream().filter(d -> r.codes().contains(d.code())).count();
            }
            return n;
        } finally {
            Examples.cleanUp(fixture, project);
        }
    }

    @TestFactory
    Stream<DynamicTest> removingARuleLosesItsDiagnostics() {
        Checker all = new Checker();
        return Rules.ALL.stream().map(rule -> DynamicTest.dynamicTest(rule.id() + " " + rule.title(), () -> {
            List<Path> fixtures = fixturesFor(rule);
            assertFalse(fixtures.isEmpty(), "rule " + rule.id() + " (" + rule.codes() + ") has no example in errors/");
            List<Rule> without = new ArrayList<>(Rules.ALL);
            without.remove(rule);
            Checker less = new Checker(without);
            boolean lost = false;
            for (Path f : fixtures) {
                long with = count(all, f, rule);
                long after = count(less, f, rule);
                assertTrue(after <= with, f.getFileName() + ": another rule reports more without " + rule.id());
                lost |= after < with;
            }
            assertTrue(lost, "removing " + rule.id() + " changes none of its examples " + fixtures);
        }));
    }

    @Test
    void idsAreUniqueAndFollowRulesMd() {
        Set<String> ids = new HashSet<>();
        for (Rule r : Rules.ALL) {
            assertTrue(ids.add(r.id()), "duplicate rule id " + r.id());
            assertTrue(r.id().matches("[BDTXCLRP]\\d{2}"), r.id());
            assertFalse(r.codes().isEmpty(), r.id());
            assertFalse(r.kinds().isEmpty(), r.id());
        }
    }

    @Test
    void theCheckerSkipsSumRulesAfterABindingError() throws java.io.IOException {
        // an unreadable amount: the control totals would all be off by it, so E-APPROVED is not reported
        String file = "src/test/resources/errors/E-AMOUNT.yaml";
        Path alone = org.budgetpdf.testutil.Examples.alone(file);
        try {
            Pipeline p = new Pipeline(alone);
            List<Diagnostic> ds = p.check(alone.resolve(file), "E-AMOUNT.yaml").diags().sorted();
            assertEquals(List.of("E-AMOUNT"), ds.stream().map(Diagnostic::code).toList());
        } finally {
            org.apache.commons.io.FileUtils.deleteQuietly(alone.toFile());
        }
    }
}
