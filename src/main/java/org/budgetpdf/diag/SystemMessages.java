package org.budgetpdf.diag;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import java.util.Locale;

/**
 * The operating system's English error texts ("Operation not permitted", "Is a directory" …) in the clerk's words. A
 * text not in the table is kept, marked as the system's own words, so nothing is lost.
 */
public final class SystemMessages {
    private SystemMessages() {
    }

    private record Entry(String english, String chinese) {
    }

    /** Lower-case fragments of the POSIX and Windows error texts Java passes on, most specific first. */
    private static final List<Entry> TABLE = List.of(
            new Entry("no space left", "磁盘空间已满"),
            new Entry("not enough space", "磁盘空间已满"),
            new Entry("disk quota", "超出了磁盘配额"),
            new Entry("read-only file system", "磁盘是只读的"),
            new Entry("permission denied", "没有权限"),
            new Entry("access is denied", "没有权限"),
            new Entry("operation not permitted", "系统不允许这个操作（文件或文件夹可能属于其他用户，或被设为不可更改）"),
            new Entry("too many levels of symbolic links", "符号链接形成了循环（链接指向自己，或几个链接互相指向）"),
            new Entry("is a directory", "这是一个文件夹，不是文件"),
            new Entry("not a directory", "路径中的某一级是文件，不是文件夹"),
            new Entry("no such file or directory", "文件或文件夹不存在"),
            new Entry("file name too long", "文件名或路径太长"),
            new Entry("file too large", "文件太大，文件系统不允许"),
            new Entry("file size limit", "文件太大，超过了系统对文件大小的限制"),
            new Entry("input/output error", "磁盘读写出错（磁盘、U 盘或网络盘可能有故障）"),
            new Entry("i/o error", "磁盘读写出错（磁盘、U 盘或网络盘可能有故障）"),
            new Entry("device or resource busy", "文件正被其他程序占用"),
            new Entry("text file busy", "文件正被其他程序占用"),
            new Entry("being used by another process", "文件正被其他程序占用"),
            new Entry("directory not empty", "文件夹不是空的"),
            new Entry("file exists", "同名的文件已经存在"),
            new Entry("cross-device link", "不能跨磁盘移动文件"),
            new Entry("invalid argument", "系统认为参数无效（多半是文件名中有文件系统不允许的字符）"),
            new Entry("stale file handle", "网络盘上的文件已失效（请重新连接网络盘）"));

    /** Why a file operation failed, in Chinese; the exception's own text when it is not a known system error. */
    public static String reason(Throwable t) {
        if (t instanceof AccessDeniedException) return "没有权限";
        if (t instanceof FileSystemLoopException) return "符号链接形成了循环（链接指向自己，或几个链接互相指向）";
        if (t instanceof NoSuchFileException) return "文件或文件夹不存在";
        if (t instanceof NotDirectoryException) return "路径中的某一级是文件，不是文件夹";
        if (t instanceof DirectoryNotEmptyException) return "这是一个文件夹（里面还有文件），不是文件";
        if (t instanceof FileAlreadyExistsException) return "同名的文件已经存在";
        String english = t instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                : t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return reason(english);
    }

    /** A system error text in Chinese; unknown texts are kept and marked as the system's words. */
    public static String reason(String english) {
        String r = english.toLowerCase(Locale.ROOT);
        for (Entry e : TABLE) {
            if (r.contains(e.english())) return e.chinese();
        }
        return "系统报告的原因（英文）：" + english.strip();
    }
}
