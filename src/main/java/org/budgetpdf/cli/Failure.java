package org.budgetpdf.cli;

import org.budgetpdf.render.FontProblem;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Locale;

/**
 * What went wrong when a checked file could not be turned into a PDF, told to the clerk: the output folder or
 * the disk (E-WRITE), a font file, or a template (E-RENDER). The old PDF is never touched in either case.
 */
public record Failure(String code, String message, String hint) {

    /** @param outDir the output folder as shown to the clerk */
    public static Failure classify(Throwable e, String outDir) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FontProblem f) return font(f);
            if (t instanceof freemarker.template.TemplateNotFoundException nf) {
                return new Failure("E-RENDER", "找不到模板 templates/" + nf.getTemplateName(),
                        "版式文件夹里缺少这个文件：从项目的原始副本或 git 恢复它，或改正引用它的 <#include>。已有的 PDF 未被改动。");
            }
            if (t instanceof freemarker.core.ParseException p) {
                return template(p.getTemplateName(), p.getLineNumber(), p.getEditorMessage());
            }
            if (t instanceof freemarker.template.TemplateException te) {
                return template(te.getTemplateSourceName(), te.getLineNumber() == null ? 0 : te.getLineNumber(),
                        firstLine(te.getMessageWithoutStackTop()).replaceAll("\\s*\\[in template.*$", "").replaceAll("[\\s-]+$", ""));
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            Failure w = write(t, outDir);
            if (w != null) return w;
        }
        return new Failure("E-RENDER", "生成 PDF 失败：" + describe(e),
                "数据已通过检查；如果刚改过 templates/ 中的模板或 fonts/ 中的字体，撤销或改正最近的改动后重新生成。已有的 PDF 未被改动。");
    }

    private static Failure font(FontProblem f) {
        if (f.folderMissing()) {
            return new Failure("E-RENDER", "找不到字体文件夹 " + f.file() + "，无法生成 PDF",
                    "字体随项目提供（fonts/ 下的 Noto Serif SC、Noto Sans SC）：从项目的原始副本或 git 恢复 fonts/ 文件夹。已有的 PDF 未被改动。");
        }
        return new Failure("E-RENDER", "字体文件 " + f.file().toString().replace('\\', '/') + " 无法读取（文件不完整、已损坏或不是 TrueType/OpenType 字体）",
                "文件多半不完整（复制或下载中断）或不是字体：重新复制这个字体文件，或把它从 fonts/ 中移走。已有的 PDF 未被改动。");
    }

    private static Failure template(String name, int line, String detail) {
        String where = (name == null ? "模板" : "模板 templates/" + name) + (line > 0 ? " 第 " + line + " 行" : "");
        return new Failure("E-RENDER", where + "出错：" + detail,
                "数据已通过检查，问题在模板：多半是刚改过这个模板，撤销或改正最近的改动（写法见 templates/README.md）。已有的 PDF 未被改动。");
    }

    /** A file-system failure while creating the output folder or writing the PDF, or null. */
    static Failure write(Throwable t, String outDir) {
        String reason = t instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : t.getMessage() == null ? "" : t.getMessage();
        String r = reason.toLowerCase(Locale.ROOT);
        String keep = "已有的 PDF 未被改动。";
        if (r.contains("no space left") || r.contains("disk quota") || r.contains("not enough space")) {
            return new Failure("E-WRITE", "磁盘空间已满，PDF 没有写完（输出目录 " + outDir + "）",
                    "清理输出目录所在磁盘的空间（或用 --out 换一个磁盘）后重新生成。数据、模板和字体都没有问题。" + keep);
        }
        if (t instanceof ReadOnlyFileSystemException || r.contains("read-only file system")) {
            return new Failure("E-WRITE", "输出目录 " + outDir + " 所在的磁盘是只读的，无法写入 PDF",
                    "用 --out 指定一个可以写入的文件夹。" + keep);
        }
        if (t instanceof AccessDeniedException || r.contains("permission denied") || r.contains("access is denied")) {
            return new Failure("E-WRITE", "没有权限在输出目录 " + outDir + " 中写入文件",
                    "请给这个文件夹写入权限，或用 --out 指定一个可以写入的文件夹；文件被其他程序（如 PDF 阅读器）打开时请先关闭。" + keep);
        }
        if (r.contains("file too large") || r.contains("file size limit")) {
            return new Failure("E-WRITE", "文件系统不允许写入这么大的文件（输出目录 " + outDir + "）",
                    "用 --out 换一个文件夹（FAT32 的 U 盘单个文件不能超过 4 GB），或检查系统对文件大小的限制（ulimit -f）。" + keep);
        }
        if (t instanceof FileAlreadyExistsException || t instanceof NotDirectoryException || r.contains("not a directory")) {
            String which = t instanceof FileSystemException fse && fse.getFile() != null ? fse.getFile() : outDir;
            return new Failure("E-WRITE", "无法建立输出目录 " + outDir + "：" + which + " 是一个文件，不是文件夹",
                    "用 --out 指定一个文件夹，或把这个同名文件改名。" + keep);
        }
        if (t instanceof FileSystemException || t instanceof IOException && !(t instanceof FontProblem)) {
            if (t.getClass().getName().startsWith("java.nio.file.") || r.contains("i/o error") || t instanceof FileSystemException) {
                return new Failure("E-WRITE", "无法在输出目录 " + outDir + " 中写入 PDF：" + reason,
                        "检查输出目录是否存在、可以写入、磁盘有空间，或用 --out 换一个文件夹。" + keep);
            }
        }
        return null;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        return s.lines().filter(l -> !l.isBlank()).limit(3).reduce((a, b) -> a + " " + b.strip()).orElse("");
    }

    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 600; t = t.getCause()) {
            if (t.getMessage() != null) sb.append(sb.isEmpty() ? "" : " ← ").append(firstLine(t.getMessage()));
        }
        return sb.isEmpty() ? e.getClass().getSimpleName() : sb.toString();
    }
}
