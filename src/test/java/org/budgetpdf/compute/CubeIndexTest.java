package org.budgetpdf.compute;

import org.budgetpdf.Pipeline;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The indexed sums select exactly what a scan of every amount selects. */
class CubeIndexTest {
    @Test
    void indexedSelectionEqualsAFullScanForManyFilters() {
        Path file = Path.of("src/test/resources/bench/large-2025-budget.yaml");
        Pipeline.Checked c = new Pipeline(Path.of("").toAbsolutePath()).check(file, file.toString());
        Cube cube = c.realized().orElseThrow().cube();
        List<Atom> atoms = cube.atoms();
        assertTrue(atoms.size() > 300, "a big file: " + atoms.size());
        Random random = new Random(9);
        Dim[] dims = Dim.values();
        for (int n = 0; n < 3000; n++) {
            List<Filter.Constraint> parts = new ArrayList<>();
            for (int k = random.nextInt(4); k > 0; k--) {
                Dim d = dims[random.nextInt(dims.length)];
                Set<String> values = new java.util.LinkedHashSet<>();
                for (int v = 1 + random.nextInt(3); v > 0; v--) {
                    String value = atoms.get(random.nextInt(atoms.size())).get(d);
                    if (value == null) value = "无";
                    if (d.byPrefix() && value.length() > 1) value = value.substring(0, 1 + random.nextInt(value.length()));
                    values.add(value);
                }
                parts.add(new Filter.Constraint(d, values, random.nextInt(5) == 0));
            }
            Filter f = new Filter(parts);
            List<Atom> scanned = atoms.stream().filter(f::matches).toList();
            assertEquals(scanned, cube.select(f), f.toString());
            assertEquals(scanned.stream().map(Atom::exact).reduce(BigDecimal.ZERO, BigDecimal::add), cube.exact(f));
            assertEquals(!scanned.isEmpty(), cube.has(f));
        }
    }
}
