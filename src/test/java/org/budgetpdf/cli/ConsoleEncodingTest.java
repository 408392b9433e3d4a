package org.budgetpdf.cli;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What the program prints in: a Chinese Windows console's code page (GBK), Windows Terminal's UTF-8, UTF-8 into files and
 * pipes and on other systems. Windows cannot run here: the choice is tested with the properties a Windows JVM sets, and
 * a child JVM given those properties prints Chinese that decodes intact as GBK, as UTF-8 without them.
 */
class ConsoleEncodingTest {
    static final Charset GBK = Charset.forName("GBK");

    static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) p.setProperty(kv[i], kv[i + 1]);
        return p;
    }

    @Test
    void aWindowsConsoleGetsItsCodePageEverythingElseUtf8() {
        // JDK 17 on a Chinese Windows console: sun.stdout.encoding is set only when stdout is the console
        assertEquals(GBK, ConsoleEncoding.choose(null, props("os.name", "Windows 10", "sun.stdout.encoding", "ms936"), true).orElseThrow());
        assertEquals(GBK, ConsoleEncoding.choose(null, props("os.name", "Windows 11", "sun.stdout.encoding", "ms936"), false).orElseThrow());
        // Windows Terminal (or chcp 65001): the JVM reports UTF-8
        assertEquals(StandardCharsets.UTF_8, ConsoleEncoding.choose(null, props("os.name", "Windows 11", "sun.stdout.encoding", "UTF-8"), true).orElseThrow());
        assertEquals(StandardCharsets.UTF_8, ConsoleEncoding.choose(null, props("os.name", "Windows 11", "sun.stdout.encoding", "cp65001"), true).orElseThrow());
        // JDK 19+: stdout.encoding is the console's code page while there is a console
        assertEquals(GBK, ConsoleEncoding.choose(null, props("os.name", "Windows 10", "stdout.encoding", "GBK"), true).orElseThrow());
        // redirected to a file on Windows (JDK 19+ still sets stdout.encoding to the ANSI code page): UTF-8
        assertEquals(StandardCharsets.UTF_8, ConsoleEncoding.choose(null, props("os.name", "Windows 10", "stdout.encoding", "GBK"), false).orElseThrow());
        // Linux and macOS terminals are UTF-8, whatever the locale
        assertEquals(StandardCharsets.UTF_8, ConsoleEncoding.choose(null, props("os.name", "Linux", "stdout.encoding", "US-ASCII"), true).orElseThrow());
        // the clerk's choice wins; an unknown name is no charset
        assertEquals(GBK, ConsoleEncoding.choose("GBK", props("os.name", "Linux"), false).orElseThrow());
        assertEquals(GBK, ConsoleEncoding.choose("936", props(), false).orElseThrow());
        assertEquals(StandardCharsets.UTF_8, ConsoleEncoding.choose("utf8", props("os.name", "Windows 10", "sun.stdout.encoding", "ms936"), true).orElseThrow());
        assertTrue(ConsoleEncoding.choose("没有这种编码", props(), false).isEmpty());
    }

    record Out(int code, byte[] out, byte[] err) {
    }

    static Out java(List<String> jvm, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.budgetpdf.Main"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("enc-out", ".txt");
        Path err = Files.createTempFile("enc-err", ".txt");
        Process p = new ProcessBuilder(cmd).directory(CommandLineTest.HOME.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        Out r = new Out(p.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    @Test
    void theChineseMessageIsIntactInGbkOnAChineseWindowsConsoleAndInUtf8Elsewhere() throws Exception {
        String message = "错误[E-APPROVED]: 明细加总的支出总计 110.50 与批复数 111.50 不符";
        String progress = "有错误，未生成 PDF";
        // what a Windows JVM reports for a console on code page 936
        Out gbk = java(List.of("-Dos.name=Windows 10", "-Dsun.stdout.encoding=ms936", "-Dsun.stderr.encoding=ms936"), "check", CommandLineTest.BROKEN);
        assertEquals(1, gbk.code());
        assertTrue(new String(gbk.err(), GBK).contains(message), new String(gbk.err(), GBK));
        assertTrue(new String(gbk.out(), GBK).contains(progress));
        assertFalse(new String(gbk.err(), StandardCharsets.UTF_8).contains(message), "really GBK bytes, not UTF-8");
        // Windows Terminal on UTF-8, a file or a pipe, Linux: UTF-8
        for (List<String> jvm : List.of(List.of("-Dos.name=Windows 11", "-Dsun.stdout.encoding=UTF-8"), List.<String>of())) {
            Out utf8 = java(jvm, "check", CommandLineTest.BROKEN);
            assertTrue(new String(utf8.err(), StandardCharsets.UTF_8).contains(message), jvm.toString());
            assertTrue(new String(utf8.out(), StandardCharsets.UTF_8).contains(progress), jvm.toString());
        }
        // the clerk's choice, by option or property
        Out chosen = java(List.of(), "check", "--encoding=GBK", CommandLineTest.BROKEN);
        assertTrue(new String(chosen.err(), GBK).contains(message));
        Out property = java(List.of("-Dbudgetpdf.encoding=GBK"), "--help");
        assertTrue(new String(property.out(), GBK).contains("只检查，不生成 PDF"));
    }
}
