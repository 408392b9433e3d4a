package org.budgetpdf.diag;

import org.budgetpdf.cli.Failure;
import org.junit.jupiter.api.Test;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;

import static org.junit.jupiter.api.Assertions.*;

/** Issue 15 §6: the operating system's English error texts reach the clerk in Chinese. */
class SystemMessagesTest {
    @Test
    void commonSystemErrorsAreTranslated() {
        assertEquals("没有权限", SystemMessages.reason(new AccessDeniedException("/x/data.yaml")));
        assertTrue(SystemMessages.reason(new FileSystemException("/x", null, "Operation not permitted")).startsWith("系统不允许这个操作"));
        assertEquals("这是一个文件夹，不是文件", SystemMessages.reason(new FileSystemException("/x", null, "Is a directory")));
        assertTrue(SystemMessages.reason(new FileSystemException("/x", null, "Too many levels of symbolic links")).startsWith("符号链接形成了循环"));
        assertEquals("系统报告的原因（英文）：Something new", SystemMessages.reason("Something new"));
    }

    @Test
    void writeFailuresSayWhatTheSystemSaidInChinese() {
        Failure f = Failure.classify(new FileSystemException("out/x.pdf.tmp-0123456789abcdef", null, "Operation not permitted"), "out");
        assertEquals("E-WRITE", f.code());
        assertTrue(f.message().contains("系统不允许这个操作"), f.message());
        assertFalse(f.message().contains("Operation not permitted"), f.message());
        Failure dir = Failure.classify(new FileSystemException("out/x.pdf.tmp-0123456789abcdef", "out/x.pdf", "Is a directory"), "out");
        assertEquals("输出目录 out 中的 x.pdf 是一个文件夹，不能用 PDF 替换它", dir.message());
    }
}
