package org.budgetpdf;

import org.budgetpdf.check.Checker;
import org.budgetpdf.check.Rule;
import org.budgetpdf.model.DocKind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 15 §3: inputs that used to hang the checker or stop the batch. Each runs under a timeout of a few seconds
 * (the old code took from 40 seconds to hours on them).
 */
class NoHangTest {
    static final Path HOME = CliTest.HOME;
    static final Path MINIMAL = HOME.resolve(CliTest.MINIMAL);

    static String minimal() throws IOException {
        return Files.readString(MINIMAL, StandardCharsets.UTF_8);
    }

    /** A data file in a folder of its own (siblings are compared: OtherFiles). */
    static Path data(Path dir, String text) throws IOException {
        Files.createDirectories(dir);
        Path f = dir.resolve("minimal-budget.yaml");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aSiblingWhoseDepartmentHasNoCodeDoesNotBacktrack(@TempDir Path tmp) throws IOException {
        Path f = data(tmp, minimal());
        // the README allows 部门 without 代码; the old header pattern backtracked 2^lines on such a block
        StringBuilder other = new StringBuilder("文档: 部门预算\n年度: 2024\n部门:\n");
        for (int i = 0; i < 40; i++) other.append("    职责").append(i).append(": 组织实施城乡居民基本医疗保险\n");
        Files.writeString(tmp.resolve("other.yaml"), other, StandardCharsets.UTF_8);
        CliTest.Run r = FilesAndEnvironmentTest.runIn(HOME, "check", f.toString());
        assertEquals(0, r.code(), r.err());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aFifoNamedYamlBesideTheInputIsNotRead(@TempDir Path tmp) throws Exception {
        Path f = data(tmp, minimal());
        Path fifo = tmp.resolve("pipe.yaml");
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            Assumptions.abort("mkfifo is not available");
            return;
        }
        Assumptions.assumeTrue(p.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");
        CliTest.Run r = FilesAndEnvironmentTest.runIn(HOME, "check", f.toString());
        assertEquals(0, r.code(), r.err());
    }

    /** 24 levels of aliases, two per level (48, under the limit of 50): 2^24 uses of one scalar. */
    static String aliasChain(int levels) {
        StringBuilder sb = new StringBuilder("    - &a0 [组织实施城乡居民基本医疗保险, 医疗救助]\n");
        for (int i = 1; i < levels; i++) sb.append("    - &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        return sb.toString();
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anAliasChainIsWalkedOncePerNode(@TempDir Path tmp) throws IOException {
        String text = minimal() + "\n其他事项:\n" + aliasChain(24);
        Path f = data(tmp, text);
        CliTest.Run r = FilesAndEnvironmentTest.runIn(HOME, "check", f.toString());
        assertNotEquals(2, r.code(), r.err());
        FilesAndEnvironmentTest.assertNoStackTrace(r.err());
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void longRepetitiveTextIsLintedInLinearTime(@TempDir Path tmp) throws IOException {
        String words = "医疗保障".repeat(4000) + "示例市示列区医疗保障局".repeat(300); // 16,000 + 3,300 characters
        Path f = data(tmp, minimal().replace("  职责:\n", "  职责概述: " + words + "\n  职责:\n"));
        CliTest.Run r = FilesAndEnvironmentTest.runIn(HOME, "check", f.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("警告[W-TEXT]"), r.err());
        // a few findings are listed, the rest counted: the clerk fixes the text once
        assertTrue(r.err().split("警告\\[W-TEXT]", -1).length - 1 <= 25, r.err().length() + " characters of warnings");
    }

    /** A 15 MB value: linear lint and reading when folded over lines; refused at once when written on one line. */
    @Test
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
    void aFifteenMegabyteValueFinishes(@TempDir Path tmp) throws IOException {
        String line = "医疗保障工作".repeat(170);
        StringBuilder folded = new StringBuilder("  职责概述: >-\n");
        for (int i = 0; i < 5000; i++) folded.append("    ").append(line).append('\n');
        Path f = data(tmp.resolve("folded"), minimal().replace("  职责:\n", folded + "  职责:\n"));
        assertTrue(Files.size(f) > 15_000_000);
        CliTest.Run r = FilesAndEnvironmentTest.runIn(HOME, "check", f.toString());
        assertEquals(0, r.code(), r.err());
        Path one = data(tmp.resolve("one"), minimal().replace("  职责:\n", "  职责概述: " + line.repeat(5000) + "\n  职责:\n"));
        CliTest.Run refused = FilesAndEnvironmentTest.runIn(HOME, "check", one.toString());
        assertEquals(1, refused.code(), refused.err());
        assertTrue(refused.err().contains("minimal-budget.yaml:12:1: 错误[E-YAML]: 这一行有 5100008 个字符，一行最多 100000 个字符"), refused.err());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void outOfMemoryWhileCheckingIsAnInternalErrorForThatFileAndTheBatchGoesOn(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path a = Files.copy(MINIMAL, in.resolve("a.yaml"));
        Path b = Files.copy(HOME.resolve("data/jiaozuo-zhongzhan-2021-final.yaml"), in.resolve("b.yaml"));
        Path c = Files.copy(MINIMAL, in.resolve("c.yaml"));
        Checker hungry = new Checker(List.of(new Rule("Z98", "oom", Set.of(DocKind.FINAL_ACCOUNTS), List.of(), false, (ctx, d) -> {
            throw new OutOfMemoryError("Java heap space");
        })));
        CliTest.Run r = BatchTest.run(HOME, tmp.resolve("out"), 2, hungry, List.of(a, b, c));
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("in/b.yaml: 错误[E-INTERNAL]: "), r.err());
        assertTrue(r.err().contains("内存不够"), r.err());
        FilesAndEnvironmentTest.assertNoStackTrace(r.err().replace("OutOfMemoryError", "OOM"));
        assertTrue(Files.exists(tmp.resolve("out/a.pdf")) && Files.exists(tmp.resolve("out/c.pdf")));
        assertTrue(r.out().contains("in/a.yaml → ") && r.out().contains("in/c.yaml → "), r.out());
        assertTrue(r.out().contains("共 3 个文件：2 个已生成，1 个有错误"), r.out());
        assertTrue(r.err().strip().endsWith("1 个错误，0 个警告"), r.err());
    }
}
