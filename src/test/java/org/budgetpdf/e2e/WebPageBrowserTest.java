package org.budgetpdf.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.budgetpdf.testutil.DataSite;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The web pages of build --html in a real browser: Debian's Chromium driven by playwright-core
 * ({@code src/test/browser/check-pages.mjs}, its packages pinned by package-lock.json). For every sample of data/, at a
 * desktop width and at 375 px: the page loads from disk with no console error and no request of its own, every cell of
 * every 合计/总计 row is visible, nothing but a table's own box is wider than the phone, and axe-core finds no serious or
 * critical violation. A control page with one of each fault proves the script sees them.
 *
 * <p>Where node, Chromium or the tool's packages are missing (a clerk's PC running the README's test command) the test
 * is skipped, saying what is missing; with {@code CI=true} (.ci/run installs them) it fails instead.
 */
class WebPageBrowserTest {
    static final Path HOME = Path.of("").toAbsolutePath();
    static final Path TOOL = HOME.resolve("src/test/browser");

    static Path chromium() {
        String own = System.getenv("BUDGETPDF_CHROMIUM");
        return Path.of(own == null || own.isBlank() ? "/usr/bin/chromium" : own);
    }

    /** What is missing to run the browser, or null. */
    static String missing() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) return "node（Node.js）不能运行";
        } catch (IOException e) {
            return "没有 node（Node.js）";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "被中断";
        }
        if (!Files.isExecutable(chromium())) return "没有 " + chromium() + "（Debian 软件包 chromium，或用 BUDGETPDF_CHROMIUM 指定）";
        for (String pkg : List.of("playwright-core", "axe-core")) {
            if (!Files.isRegularFile(TOOL.resolve("node_modules").resolve(pkg).resolve("package.json"))) {
                return "src/test/browser 里没有装 " + pkg + "（在那里运行 npm ci）";
            }
        }
        return null;
    }

    static void assumeBrowser() {
        String why = missing();
        if (why == null) return;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) fail("CI=true, but the browser test cannot run: " + why);
        Assumptions.assumeTrue(false, "跳过浏览器测试：" + why);
    }

    /** The script's report on {@code pages}; screenshots go to -Dweb.screenshots=DIR when given. */
    static JsonNode check(Path work, List<Path> pages) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("node", TOOL.resolve("check-pages.mjs").toString()));
        String shots = System.getProperty("web.screenshots");
        if (shots != null && !shots.isBlank()) cmd.addAll(List.of("--screenshots", shots));
        pages.forEach(p -> cmd.add(p.toString()));
        Path out = work.resolve("report.json");
        Path err = work.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).directory(TOOL.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(6, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("check-pages.mjs did not finish in 6 minutes: " + Files.readString(err));
        }
        assertEquals(0, p.exitValue(), () -> "check-pages.mjs failed: " + read(err));
        return new ObjectMapper().readTree(out.toFile());
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isTextual() ? n.asText() : n.toString()));
        return out;
    }

    /** A page with one of each fault the script must see. */
    static final String CONTROL = """
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>对照页</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head><body><main><h1>对照页</h1>
            <script>console.error('对照：控制台错误');</script>
            <img src="http://127.0.0.1:9/logo.png">
            <div style="width: 900px">比手机宽的一段</div>
            <table><caption>表</caption><thead><tr><th scope="col">项目</th><th scope="col">金额</th></tr></thead>
            <tbody><tr><td>合计</td><td style="visibility: hidden">1,740.73</td></tr></tbody></table>
            </main></body></html>
            """;

    @Test
    void everySampleLoadsCleanlyIsReadableOnAPhoneAndPassesAxe(@TempDir Path tmp) throws Exception {
        assumeBrowser();
        DataSite.Site built = DataSite.get();
        assertEquals(0, built.run().code(), built.run().err());
        Path site = built.out();
        List<Path> pages;
        try (Stream<Path> s = Files.list(site)) {
            pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertEquals(4, pages.size(), "a page per sample of data/");
        Path control = Files.writeString(tmp.resolve("control.html"), CONTROL, StandardCharsets.UTF_8);
        List<Path> all = new ArrayList<>(pages);
        all.add(control);

        JsonNode report = check(tmp, all);
        assertEquals(all.size(), report.get("pages").size());
        for (JsonNode page : report.get("pages")) {
            String file = new File(page.get("file").asText()).getName();
            if (file.equals("control.html")) {
                assertControlSeen(page);
                continue;
            }
            int tablesWithTotals = 0;
            for (JsonNode view : page.get("views")) {
                String at = file + " (" + view.get("view").asText() + ", " + view.get("innerWidth").asInt() + " px)";
                assertEquals(200, view.get("status").asInt(), at + ": loaded");
                assertEquals(List.of(), texts(view.get("errors")), at + ": console errors");
                assertEquals(List.of(), texts(view.get("requests")), at + ": requests of its own");
                assertEquals("zh-CN", view.get("lang").asText(), at);
                assertFalse(view.get("title").asText().isBlank(), at);
                assertTrue(view.get("tables").size() > 0, at + ": tables");
                int withTotals = 0;
                for (JsonNode t : view.get("tables")) {
                    if (t.get("totals").size() > 0) withTotals++;
                    for (JsonNode row : t.get("totals")) {
                        assertEquals(List.of(), texts(row.get("hidden")), at + ": hidden cells of “" + texts(row.get("text")) + "” in "
                                + t.get("caption").asText());
                    }
                    assertTrue(t.get("boxWidth").asDouble() <= view.get("innerWidth").asDouble(), at + ": the box of " + t.get("caption").asText());
                }
                tablesWithTotals = withTotals;
                assertTrue(view.get("scrollWidth").asInt() <= view.get("innerWidth").asInt(),
                        at + ": the page scrolls sideways (" + view.get("scrollWidth") + " px): " + texts(view.get("wide")));
                if (view.get("view").asText().equals("phone")) {
                    assertEquals(375, view.get("innerWidth").asInt());
                    assertTrue(view.get("axeRules").asInt() > 20, at + ": axe-core ran " + view.get("axeRules") + " rules");
                    List<String> bad = new ArrayList<>();
                    for (JsonNode v : view.get("violations")) {
                        String impact = v.get("impact").asText();
                        if (impact.equals("serious") || impact.equals("critical")) bad.add(impact + " " + v.get("id").asText() + ": " + texts(v.get("first")));
                    }
                    assertEquals(List.of(), bad, at + ": axe-core");
                }
            }
            assertTrue(tablesWithTotals >= 8, file + ": tables with a 合计 row: " + tablesWithTotals);
        }
    }

    /** The control page: each of its faults is reported, so a clean report of a sample means something. */
    static void assertControlSeen(JsonNode page) {
        JsonNode phone = null;
        for (JsonNode v : page.get("views")) if (v.get("view").asText().equals("phone")) phone = v;
        assertNotNull(phone);
        assertTrue(texts(phone.get("errors")).contains("对照：控制台错误"), phone.get("errors").toString());
        assertTrue(texts(phone.get("requests")).stream().anyMatch(r -> r.startsWith("http://127.0.0.1:9/")), phone.get("requests").toString());
        assertTrue(phone.get("scrollWidth").asInt() > 375, "overflow seen");
        assertEquals(List.of("1,740.73"), texts(phone.get("tables").get(0).get("totals").get(0).get("hidden")));
        List<String> seen = new ArrayList<>();
        for (JsonNode v : phone.get("violations")) seen.add(v.get("impact").asText() + " " + v.get("id").asText());
        assertTrue(seen.contains("critical image-alt"), seen.toString());
    }
}
