package org.budgetpdf.check;

import org.budgetpdf.Pipeline;
import org.budgetpdf.diag.Diagnostic;
import org.budgetpdf.diag.DiagnosticFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Broken copies of the real data files (部门预算 and 部门决算), made deterministically: load → bind → check never
 * throws, a file that does not check clean says why, with the file name and (except whole-file problems) a line,
 * and a value made wrong is reported at or near its own line.
 */
class MutationFuzzTest {
    static final Path HOME = Path.of("").toAbsolutePath();
    static final Path REAL = HOME.resolve("data/xinxiang-weibin-2025-budget.yaml");
    static final Path REAL_FINAL = HOME.resolve("data/jiaozuo-zhongzhan-2021-final.yaml");
    static final int COPIES = 150;
    static final long SEED = 20250301L;

    /** Codes that may be about the whole file, without a line. */
    static final Set<String> WHOLE_FILE = Set.of("E-EMPTY", "E-ENCODING", "E-YAML", "E-FILE-SIZE", "E-FILE-READ", "E-MISSING",
            "E-LAYOUT", "W-LAYOUT-DATA", "W-MISSING-ITEM", "E-BALANCE", "W-NO-CONTROLS");

    static final Pattern KEY_VALUE = Pattern.compile("^(\\s*(?:- )?[^#\\s:][^:]*:\\s+)(\\S.*)$");
    static final List<String> ODD_VALUES = List.of("[1, 2]", "{甲: 1}", "一段文字", "", "~", "-5", "1.234", "\"\"", "[]",
            "{}", "1,2,3", "2025-13-45", "!!str 12", "&a x", "*nope", "\"未闭合", "'单引号'", "9999999999999999999999", "0x1F");

    /** {@code line}: the 1-based line whose value was replaced (0 when the mutation has no single line). */
    record Mutant(String description, byte[] bytes, int line) {
        Mutant(String description, byte[] bytes) {
            this(description, bytes, 0);
        }
    }

    @Test
    void brokenBudgetsNeverThrowAndAlwaysSayWhere(@TempDir Path tmp) throws IOException {
        fuzz(REAL, tmp);
    }

    @Test
    void brokenFinalAccountsNeverThrowAndAlwaysSayWhere(@TempDir Path tmp) throws IOException {
        fuzz(REAL_FINAL, tmp);
    }

    static void fuzz(Path real, Path tmp) throws IOException {
        byte[] original = Files.readAllBytes(real);
        int near = 0;
        int valueMutants = 0;
        Random rnd = new Random(SEED);
        Pipeline pipeline = new Pipeline(HOME);
        int clean = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < COPIES; i++) {
            Mutant m = mutate(original, rnd);
            if (rnd.nextInt(5) == 0) {
                Mutant second = mutate(m.bytes(), rnd);
                m = new Mutant(m.description() + "; " + second.description(), second.bytes());
            }
            String name = String.format("mutant-%03d.yaml", i);
            Path file = tmp.resolve(name);
            Files.write(file, m.bytes());
            String what = name + " (" + m.description() + ")";

            Pipeline.Checked c = assertDoesNotThrow(() -> pipeline.check(file, name), what);
            List<Diagnostic> ds = c.diags().sorted();
            if (c.ok()) {
                clean++;
                continue;
            }
            assertTrue(c.diags().hasErrors(), () -> what + ": did not check clean but reported no error: " + ds);
            if (m.line() > 0) {
                valueMutants++;
                int line = m.line();
                if (ds.stream().anyMatch(d -> Math.abs(d.pos().line() - line) <= 2)) near++;
                else System.err.println("far from line " + line + ": " + what + " " + ds);
            }
            for (Diagnostic d : ds) {
                assertEquals(name, d.pos().file(), () -> what + ": " + d);
                if (!WHOLE_FILE.contains(d.code())) {
                    assertTrue(d.pos().line() >= 1, () -> what + ": no line for " + d);
                }
                if (d.pos().known()) {
                    assertTrue(d.pos().line() <= c.source().lines().size() + 1, () -> what + ": line past the end: " + d);
                    assertTrue(d.pos().col() >= 1, () -> what + ": " + d);
                }
                assertFalse(d.message().isBlank(), () -> what + ": " + d);
                String printed = assertDoesNotThrow(() -> new DiagnosticFormatter(n -> c.source().lines()).format(d), what);
                assertTrue(printed.startsWith(name), printed);
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 20_000, "took " + ms + " ms");
        // the mutations must actually break things most of the time, or this test proves little
        assertTrue(clean < COPIES / 2, clean + " of " + COPIES + " mutants checked clean");
        // a wrong value is reported where it is written: all but a few (a value that is wrong only by its effect
        // on a sum elsewhere, e.g. a control total) point within two lines of the mutated one
        assertTrue(valueMutants > 10, "too few value mutations: " + valueMutants);
        assertTrue(near >= valueMutants * 9 / 10, near + " of " + valueMutants + " value mutations reported near their line");
    }

    static Mutant mutate(byte[] bytes, Random rnd) {
        List<String> lines = new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
        int kind = rnd.nextInt(6);
        switch (kind) {
            case 0 -> {
                int at = rnd.nextInt(lines.size());
                lines.remove(at);
                return lines("delete line " + (at + 1), lines);
            }
            case 1 -> {
                List<Integer> candidates = new ArrayList<>();
                for (int i = 0; i < lines.size(); i++) if (KEY_VALUE.matcher(lines.get(i)).matches()) candidates.add(i);
                if (candidates.isEmpty()) return truncate(bytes, rnd);
                int at = candidates.get(rnd.nextInt(candidates.size()));
                Matcher m = KEY_VALUE.matcher(lines.get(at));
                if (!m.matches()) throw new IllegalStateException();
                String value = ODD_VALUES.get(rnd.nextInt(ODD_VALUES.size()));
                lines.set(at, m.group(1) + value);
                Mutant x = lines("line " + (at + 1) + " value → " + value, lines);
                return new Mutant(x.description(), x.bytes(), at + 1);
            }
            case 2 -> {
                int at = rnd.nextInt(bytes.length + 1);
                byte[] noise = new byte[1 + rnd.nextInt(8)];
                rnd.nextBytes(noise);
                byte[] out = new byte[bytes.length + noise.length];
                System.arraycopy(bytes, 0, out, 0, at);
                System.arraycopy(noise, 0, out, at, noise.length);
                System.arraycopy(bytes, at, out, at + noise.length, bytes.length - at);
                return new Mutant("insert " + noise.length + " random bytes at byte " + at, out);
            }
            case 3 -> {
                return truncate(bytes, rnd);
            }
            case 4 -> {
                int at = rnd.nextInt(lines.size());
                lines.add(at, lines.get(at));
                return lines("duplicate line " + (at + 1), lines);
            }
            default -> {
                int at = rnd.nextInt(lines.size());
                String l = lines.get(at);
                boolean deeper = rnd.nextBoolean() || !l.startsWith("  ");
                lines.set(at, deeper ? "  " + l : l.substring(2));
                return lines((deeper ? "indent" : "dedent") + " line " + (at + 1), lines);
            }
        }
    }

    static Mutant truncate(byte[] bytes, Random rnd) {
        int at = rnd.nextInt(bytes.length);
        return new Mutant("truncate at byte " + at, Arrays.copyOf(bytes, at));
    }

    static Mutant lines(String description, List<String> lines) {
        return new Mutant(description, String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }
}
