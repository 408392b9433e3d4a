package org.budgetpdf;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 15, "Done when": the hostile corpus. Every input below (the cases of issue 15 §1–§6 and the earlier ones of
 * issues 8 and 9) is run through the command line as a clerk or an attacker would, under a time limit, and each must
 * end with the expected exit code and a Chinese message naming the place (file:line:col, or the file), without a
 * stack trace, without any network connection attempted (the layouts point at a local server that accepts and never
 * answers), and with a good PDF already in out/ left byte for byte as it was and no temporary file beside it.
 */
class HostileInputTest {
    static final Path HOME = CliTest.HOME;
    static final byte[] GOOD = "%PDF-1.7 上一次生成的、好的 PDF".getBytes(StandardCharsets.UTF_8);
    static final Duration LIMIT = Duration.ofSeconds(60);
    /** A diagnostic line: file, optional line and column, severity, code. */
    static final Pattern DIAGNOSTIC = Pattern.compile("(?m)^\\S[^\\n]*?(:\\d+:\\d+)?: (错误|警告)\\[[EW]-[A-Z-]+]: \\S");

    static LayoutResourceTest.SilentServer server;
    @TempDir
    static Path root;

    @BeforeAll
    static void start() throws IOException {
        server = new LayoutResourceTest.SilentServer();
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            assertEquals(0, server.attempts.get(), "network connections attempted by the whole corpus");
        } finally {
            server.close();
        }
    }

    /** How a case prepares its folder and what it runs. */
    interface Setup {
        /** Prepares {@code dir} (the working directory); returns the command line. */
        String[] prepare(Path dir) throws Exception;
    }

    /**
     * One hostile input. {@code expect}: text the error output (or, for machine formats, stdout) must contain, with
     * the place; {@code pdf}: the name of the PDF that must stay as it was (null for `check` runs).
     */
    record Case(String name, int code, String expect, String pdf, Setup setup) {
    }

    static String minimal() throws IOException {
        return Files.readString(HOME.resolve(CliTest.MINIMAL), StandardCharsets.UTF_8);
    }

    /** The minimal file with {@code from} replaced by {@code to}, written as data.yaml in {@code dir}. */
    static Path data(Path dir, String from, String to) throws IOException {
        String text = minimal();
        if (!from.isEmpty()) {
            assertTrue(text.contains(from), from);
            text = text.replace(from, to);
        }
        return write(dir.resolve("data.yaml"), text);
    }

    static Path write(Path f, String text) throws IOException {
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    /** A project folder (templates/ copied) in {@code dir}; its henan-2025 document.ftlh ends with {@code line}. */
    static Path templates(Path dir, String line) throws IOException {
        Path home = TemplateSecurityTest.projectWith(dir, "");
        // projectWith makes dir/project: move its templates up so that dir is the working directory
        Files.move(home.resolve("templates"), dir.resolve("templates"));
        Path doc = dir.resolve("templates/henan-2025/document.ftlh");
        List<String> lines = new ArrayList<>(Files.readAllLines(doc, StandardCharsets.UTF_8));
        int body = lines.lastIndexOf("</body>");
        assertTrue(body > 0, "no </body> line in document.ftlh");
        lines.add(body, line); // inside the body, so that the document stays well-formed
        Files.write(doc, lines, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(".line"), Integer.toString(body + 1));
        return dir.resolve("templates/henan-2025");
    }

    static String[] build(Path f) {
        return new String[]{"build", f.toString()};
    }

    static String[] check(Path f) {
        return new String[]{"check", f.toString()};
    }

    static final String DEPT = "  名称: 示例市示例区医疗保障局\n";
    static final String DUTY = "    - 组织实施城乡居民基本医疗保险、医疗救助等医疗保障制度。\n";

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // ---- §1: templates that try to run code; --report onto an input -------------------------------------------
        c.add(new Case("?new Execute", 1, "错误[E-LAYOUT]: 模板不能使用 ?new", "data.pdf", d -> {
            templates(d, "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"touch " + d.resolve("PWNED") + "\")}");
            return build(data(d, "", ""));
        }));
        c.add(new Case("ObjectConstructor reads a file", 1, "错误[E-LAYOUT]: 模板不能使用 ?new", "data.pdf", d -> {
            templates(d, "${\"freemarker.template.utility.ObjectConstructor\"?new()(\"java.io.File\", \"/etc/passwd\")}");
            return build(data(d, "", ""));
        }));
        c.add(new Case("?interpret on data", 1, "错误[E-LAYOUT]: 模板不能使用 ?interpret", null, d -> {
            templates(d, "<#assign code = r.dept.name?interpret><@code/>");
            return check(data(d, "", ""));
        }));
        c.add(new Case("--report onto the data", 2, "--report 不能写到正在检查的数据文件", null, d -> {
            Path f = data(d, "", "");
            return new String[]{"check", "--format", "json", "--report", f.toString(), f.toString()};
        }));
        c.add(new Case("--report into a missing folder", 2, "不存在，报告无法写入", null, d ->
                new String[]{"check", "--format", "json", "--report", d.resolve("没有/r.json").toString(), data(d, "", "").toString()}));
        // ---- §2: resources outside the layout, the network -------------------------------------------------------
        c.add(new Case("http image", 1, "document.ftlh:%d:11: 错误[E-LAYOUT]: 版式引用了网络上的资源", "data.pdf", d -> {
            templates(d, "<img src=\"" + server.url("logo.png") + "\"/>");
            return build(data(d, "", ""));
        }));
        c.add(new Case("@import and url() over http in style.css", 1, "style.css:1:13: 错误[E-LAYOUT]: 版式引用了网络上的资源", "data.pdf", d -> {
            Path l = templates(d, "");
            Path css = l.resolve("style.css");
            Files.writeString(css, "@import url(" + server.url("a.css") + ");\nbody { background: url(" + server.url("b.png") + "); }\n"
                    + Files.readString(css, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            return build(data(d, "", ""));
        }));
        c.add(new Case("file: and ../../ images", 1, "document.ftlh:%d:11: 错误[E-LAYOUT]: 版式引用了版式文件夹以外的文件“file:///etc/passwd”", "data.pdf", d -> {
            templates(d, "<img src=\"file:///etc/passwd\"/><img src=\"../../../secret.png\"/>");
            return build(data(d, "", ""));
        }));
        c.add(new Case("a URL built from data", 1, "错误[E-LAYOUT]: 版式引用了网络上的资源", "data.pdf", d -> {
            templates(d, "<img src=\"${r.dept.duties[0]}\"/>");
            return build(data(d, DUTY, "    - " + server.url("x.png") + "\n"));
        }));
        // ---- §3: inputs that used to hang --------------------------------------------------------------------------
        c.add(new Case("a sibling whose 部门 has no 代码", 0, "检查通过", null, d -> {
            StringBuilder other = new StringBuilder("文档: 部门预算\n年度: 2024\n部门:\n");
            for (int i = 0; i < 40; i++) other.append("    职责").append(i).append(": 组织实施\n");
            write(d.resolve("other.yaml"), other.toString());
            return check(data(d, "", ""));
        }));
        c.add(new Case("a FIFO named *.yaml beside the input", 0, "检查通过", null, d -> {
            Path f = data(d, "", "");
            new ProcessBuilder("mkfifo", d.resolve("pipe.yaml").toString()).start().waitFor();
            return check(f);
        }));
        c.add(new Case("an alias chain of 24 levels", 1, "data.yaml:", null, d -> {
            Path f = data(d, "", "");
            Files.writeString(f, minimal() + "\n其他事项:\n" + NoHangTest.aliasChain(24), StandardCharsets.UTF_8);
            return check(f);
        }));
        c.add(new Case("16,000 characters of repeated words", 0, "警告[W-TEXT]: 词语“医疗保障”连续写了两遍", null, d ->
                check(data(d, "  职责:\n", "  职责概述: " + "医疗保障".repeat(4000) + "\n  职责:\n"))));
        // ---- §4: bad data never reaches the renderer --------------------------------------------------------------
        c.add(new Case("\\a in a double-quoted value", 1, "data.yaml:13:20: 错误[E-CHAR]: 文字中有 PDF 印不出的控制字符 U+0007", "data.pdf", d ->
                build(data(d, DUTY, "    - \"组织实施城乡居民基本医疗\\a保险。\"\n"))));
        c.add(new Case("\\0 in a double-quoted value", 1, "data.yaml:9:13: 错误[E-CHAR]: 文字中有 PDF 印不出的控制字符 U+0000", "data.pdf", d ->
                build(data(d, DEPT, "  名称: \"示例市示例\\0区医疗保障局\"\n"))));
        c.add(new Case("no 基本支出 and no 项目", 1, "data.yaml: 错误[E-MISSING]: 文件里没有任何支出", "data.pdf", d -> {
            String t = minimal();
            t = t.substring(0, t.indexOf("基本支出:\n")) + t.substring(t.indexOf("三公经费:\n"));
            return build(write(d.resolve("data.yaml"), t));
        }));
        c.add(new Case("!!binary", 1, "data.yaml:9:7: 错误[E-YAML]: YAML 格式错误：不认识的类型标签“!!binary”", "data.pdf", d ->
                build(data(d, DEPT, "  名称: !!binary 5oiR\n"))));
        c.add(new Case("政府采购 above 支出总计", 1, "data.yaml:52:7: 错误[E-PART]: 政府采购（货物、工程、服务之和） 500.00 大于其所属的支出总计 110.50", "data.pdf", d ->
                build(data(d, "政府采购:\n  货物: 0\n", "政府采购:\n  货物: 500.00\n"))));
        c.add(new Case("满意度 999%", 1, "错误[E-PART]: 指标“区级配套完成率”的值“≥999%”超过 100%", "data.pdf", d ->
                build(data(d, "{名称: 区级配套完成率, 值: 100%}", "{名称: 区级配套完成率, 值: ≥999%}"))));
        // the table fitter gives a long figure its column (10,000,000.00 fits); one too wide for any column at the
        // smallest size is damage
        c.add(new Case("an amount of 10^16 wider than any column", 1, "data.yaml:91:9: 错误[E-PAGE]: 第 ", "data.pdf", d -> {
            Path f = data(d, "    金额: 100.00\n", "    金额: 10000000000000000.00\n");
            String t = Files.readString(f, StandardCharsets.UTF_8).replace("  项目支出: 100.00\n", "  项目支出: 10000000000000000.00\n")
                    .replace("  支出总计: 110.50\n", "  支出总计: 10000000000000010.50\n")
                    + "\n变动原因:\n  收支总计: 增加区级配套资金\n  一般公共预算: 增加区级配套资金\n";
            return build(write(f, t));
        }));
        c.add(new Case("2,000 characters running off the page", 1, "data.yaml:13:34: 错误[E-PAGE]: 第 3 页：内容超出版心", "data.pdf", d ->
                build(data(d, DUTY, DUTY.replace("。\n", "。" + "ABCDEFGHIJ".repeat(200) + "\n")))));
        // ---- §5: typed mistakes ------------------------------------------------------------------------------------
        c.add(new Case("a reason that contradicts the change", 1, "data.yaml:81:9: 错误[E-REASON-TEXT]: 收支总计 110.50 比上年 100.50 增加", "data.pdf", d -> {
            Path f = data(d, "  收支总计: 110.50\n  一般公共预算: 110.50\n", "  收支总计: 100.50\n  一般公共预算: 100.50\n");
            return build(write(f, Files.readString(f, StandardCharsets.UTF_8) + "\n变动原因:\n  收支总计: 减少办公经费\n  一般公共预算: 增加配套资金\n"));
        }));
        // ---- §6: one channel, in Chinese ---------------------------------------------------------------------------
        c.add(new Case("a broken template, --format json", 1, "\"code\": \"E-LAYOUT\"", "data.pdf", d -> {
            templates(d, "<#if r.year>");
            return new String[]{"build", "--format", "json", data(d, "", "").toString()};
        }));
        c.add(new Case("a template using a missing value", 1, "document.ftlh:%d:3: 错误[E-LAYOUT]: 模板用到的“没有这个变量”在这份数据中没有值", "data.pdf", d -> {
            templates(d, "${没有这个变量.名称}");
            return build(data(d, "", ""));
        }));
        c.add(new Case("an empty fonts/", 1, "错误[E-RENDER]: 字体文件夹 fonts 里没有字体文件", "data.pdf", d -> {
            templates(d, "");
            Files.createDirectories(d.resolve("fonts"));
            return build(data(d, "", ""));
        }));
        c.add(new Case("a symbolic link loop", 2, "是一个循环的符号链接", null, d -> {
            Files.createSymbolicLink(d.resolve("a.yaml"), d.resolve("b.yaml"));
            Files.createSymbolicLink(d.resolve("b.yaml"), d.resolve("a.yaml"));
            return check(d.resolve("a.yaml"));
        }));
        c.add(new Case("a 100,000-character key", 1, "data.yaml:9:3: 错误[E-YAML]: YAML 格式错误：这一行冒号前面的键有 100000 个字符", null, d ->
                check(data(d, DEPT, "  " + "名".repeat(100_000) + ": 1\n"))));
        c.add(new Case("the PDF's place is a folder", 1, "错误[E-WRITE]: 输出目录 out 中的 data.pdf 是一个文件夹", null, d -> {
            Path f = data(d, "", "");
            Files.createDirectories(d.resolve("out/data.pdf"));
            Files.writeString(d.resolve("out/data.pdf/keep.txt"), "x");
            return build(f);
        }));
        // ---- earlier corpora (issues 8, 9) ------------------------------------------------------------------------
        c.add(new Case("GBK", 1, "错误[E-ENCODING]: 文件不是 UTF-8 编码（看起来是 GBK", "data.pdf", d -> {
            Path f = d.resolve("data.yaml");
            Files.write(f, minimal().getBytes(Charset.forName("GBK")));
            return build(f);
        }));
        c.add(new Case("UTF-16", 1, "错误[E-ENCODING]: 文件是 UTF-16LE 编码", "data.pdf", d -> {
            Path f = d.resolve("data.yaml");
            Files.write(f, ("\uFEFF" + minimal()).getBytes(StandardCharsets.UTF_16LE));
            return build(f);
        }));
        c.add(new Case("empty file", 1, "data.yaml: 错误[E-EMPTY]: 文件是空的", "data.pdf", d -> build(write(d.resolve("data.yaml"), ""))));
        c.add(new Case("binary NUL", 1, "错误[E-ENCODING]: 文件含有二进制字符（NUL）", "data.pdf", d -> {
            Path f = d.resolve("data.yaml");
            Files.write(f, new byte[]{'a', ':', ' ', 0, 1, 2});
            return build(f);
        }));
        c.add(new Case("a file over 16 MB", 1, "错误[E-FILE-SIZE]: 文件超过 16 MB", "data.pdf", d -> {
            Path f = d.resolve("data.yaml");
            byte[] big = new byte[org.budgetpdf.load.YamlLoader.MAX_BYTES + 1];
            Arrays.fill(big, (byte) '#');
            Files.write(f, big);
            return build(f);
        }));
        c.add(new Case("tab indentation", 1, "data.yaml:10:1: 错误[E-YAML]: YAML 格式错误：出现了 Tab 字符", "data.pdf", d ->
                build(data(d, "  代码: \"901\"\n", "\t代码: \"901\"\n"))));
        c.add(new Case("an unclosed quote", 1, "data.yaml:9:7: 错误[E-YAML]: YAML 格式错误：这一行的引号没有闭合", "data.pdf", d ->
                build(data(d, DEPT, "  名称: \"示例市示例区医疗保障局\n"))));
        c.add(new Case("too many aliases", 1, "错误[E-YAML]: YAML 格式错误：别名（*）数量超过上限", "data.pdf", d ->
                build(write(d.resolve("data.yaml"), minimal() + "\n其他事项:\n" + NoHangTest.aliasChain(30)))));
        c.add(new Case("a duplicate key", 1, "错误[E-DUP-KEY]", "data.pdf", d -> build(data(d, "      30201: 0.50\n", "      30201: 0.50\n      30201: 0.50\n"))));
        c.add(new Case("an amount with 万元", 1, "错误[E-AMOUNT]", "data.pdf", d -> build(data(d, "    金额: 100.00\n", "    金额: 100.00万元\n"))));
        c.add(new Case("a character no font has", 1, "错误[E-GLYPH]", "data.pdf", d -> build(data(d, DEPT, "  名称: 示例市示例区医疗保障局😀\n"))));
        c.add(new Case("a truncated font", 1, "错误[E-RENDER]: 字体文件 fonts/NotoSerifSC-Regular.ttf 无法读取", "data.pdf", d -> {
            templates(d, "");
            Path fonts = Files.createDirectories(d.resolve("fonts"));
            for (String f : List.of("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf", "NotoSerifSC-Bold.ttf")) {
                Files.createSymbolicLink(fonts.resolve(f), HOME.resolve("fonts").resolve(f));
            }
            Files.write(fonts.resolve("NotoSerifSC-Regular.ttf"), Arrays.copyOf(Files.readAllBytes(HOME.resolve("fonts/NotoSerifSC-Regular.ttf")), 4096));
            return build(data(d, "", ""));
        }));
        c.add(new Case("two inputs for one PDF", 2, "会生成同一个 PDF", null, d -> {
            Path a = write(d.resolve("A/data.yaml"), minimal());
            Path b = write(d.resolve("B/data.yaml"), minimal());
            return new String[]{"build", a.toString(), b.toString()};
        }));
        c.add(new Case("a folder given as the data file", 2, "里没有 .yaml 数据文件", null, d -> check(Files.createDirectories(d.resolve("x.yaml")))));
        if (!"root".equals(System.getProperty("user.name"))) { // root reads every file
            c.add(new Case("an unreadable file", 1, "data.yaml: 错误[E-FILE-READ]: 无法读取文件：没有权限", null, d -> {
                Path f = data(d, "", "");
                Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("-w-------"));
                return check(f);
            }));
        }
        c.add(new Case("an output folder that is a file", 1, "/file 是一个文件，不是文件夹", null, d -> {
            Files.writeString(d.resolve("file"), "x");
            return new String[]{"build", "--out", d.resolve("file/sub").toString(), data(d, "", "").toString()};
        }));
        return c;
    }

    @TestFactory
    Stream<DynamicTest> everyHostileInputEndsCleanly() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> run(c)));
    }

    static void run(Case c) throws Exception {
        Path dir = Files.createDirectories(root.resolve("case-" + Integer.toHexString(c.name().hashCode())));
        String[] args = c.setup().prepare(dir);
        Path out = dir.resolve("out");
        if (c.pdf() != null) {
            Files.createDirectories(out);
            Files.write(out.resolve(c.pdf()), GOOD);
        }
        CliTest.Run r = assertTimeoutPreemptively(LIMIT, () -> FilesAndEnvironmentTest.runIn(dir, args), c.name() + " did not finish");
        String shown = r.out() + r.err();
        assertEquals(c.code(), r.code(), () -> c.name() + ": " + shown);
        String expect = c.expect().contains("%d") ? c.expect().formatted(insertedLine(dir)) : c.expect();
        assertTrue(shown.contains(expect), () -> c.name() + ": expected “" + expect + "” in\n" + shown);
        assertFalse(shown.contains("\tat ") || shown.contains("Exception") || shown.contains("Caused by"), () -> c.name() + ": " + shown);
        if (c.code() == 1) {
            // a Chinese message naming the file (and line and column when there is one), through Diagnostics
            String report = args[1].equals("--format") ? "" : r.err();
            if (!report.isEmpty()) assertTrue(DIAGNOSTIC.matcher(report).find(), () -> c.name() + ": no diagnostic line in\n" + report);
        }
        if (c.pdf() != null) {
            assertArrayEquals(GOOD, Files.readAllBytes(out.resolve(c.pdf())), c.name() + ": the good PDF was changed");
            try (Stream<Path> s = Files.list(out)) {
                assertEquals(List.of(out.resolve(c.pdf())), s.toList(), c.name() + ": files left in out/");
            }
        }
        assertFalse(Files.exists(dir.resolve("PWNED")), c.name() + ": a template ran a command");
        assertEquals(0, server.attempts.get(), c.name() + ": network connection attempted");
    }

    /** The line {@link #templates} inserted into document.ftlh. */
    static int insertedLine(Path dir) throws IOException {
        Path f = dir.resolve(".line");
        return Files.exists(f) ? Integer.parseInt(Files.readString(f)) : 0;
    }
}
