package org.budgetpdf.cli;

import org.budgetpdf.diag.SourcePos;
import org.budgetpdf.diag.SystemMessages;
import org.budgetpdf.render.FontProblem;
import org.budgetpdf.render.LayoutRefused;
import org.budgetpdf.render.PdfRenderer;
import org.budgetpdf.render.TemplateMessages;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Locale;

/**
 * What went wrong when a checked file could not be turned into a PDF, told to the clerk: the output folder or
 * the disk (E-WRITE), a font file or a template (E-RENDER), a layout that reaches outside its folder (E-LAYOUT),
 * memory or a fault of the program (E-INTERNAL). The old PDF is never touched in any case. {@code pos}: where the
 * fault is (a template's line) or null for the data file as a whole.
 */
public record Failure(String code, String message, String hint, SourcePos pos) {

    public Failure(String code, String message, String hint) {
        this(code, message, hint, null);
    }

    private static final String KEEP = "已有的 PDF 未被改动。";

    /** @param outDir the output folder as shown to the clerk */
    public static Failure classify(Throwable e, String outDir) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) return outOfMemory("生成 PDF");
            if (t instanceof StackOverflowError) {
                return internal("生成 PDF 时程序内部出错（递归过深，StackOverflowError）");
            }
            if (t instanceof LayoutRefused r) {
                return new Failure("E-LAYOUT", r.getMessage(), r.hint() + KEEP, r.pos());
            }
            if (t instanceof FontProblem f) return font(f);
            if (t instanceof freemarker.template.TemplateNotFoundException nf) {
                return new Failure("E-RENDER", "找不到模板 templates/" + nf.getTemplateName(),
                        "版式文件夹里缺少这个文件：从项目的原始副本或 git 恢复它，或改正引用它的 <#include>。" + KEEP);
            }
            if (t instanceof freemarker.core.ParseException p) {
                return template(p.getTemplateName(), p.getLineNumber(), p.getColumnNumber(), TemplateMessages.parse(p));
            }
            if (t instanceof freemarker.template.TemplateException te) {
                return template(te.getTemplateSourceName(), te.getLineNumber() == null ? 0 : te.getLineNumber(),
                        te.getColumnNumber() == null ? 0 : te.getColumnNumber(), TemplateMessages.run(te));
            }
            if (t instanceof PdfRenderer.RenderException r) {
                return new Failure("E-RENDER", r.getMessage(),
                        "数据已通过检查，问题在版式：多半是刚改过模板或 style.css，撤销或改正最近的改动（写法见 templates/README.md）。" + KEEP);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            Failure w = write(t, outDir, Output.PDF);
            if (w != null) return w;
        }
        return new Failure("E-RENDER", "生成 PDF 失败：" + describe(e),
                "数据已通过检查；如果刚改过 templates/ 中的模板或 fonts/ 中的字体，撤销或改正最近的改动后重新生成。" + KEEP);
    }

    /** Memory ran out while doing {@code what}: the file is skipped, the others go on. */
    public static Failure outOfMemory(String what) {
        return new Failure("E-INTERNAL", what + "时内存不够（OutOfMemoryError），这个文件没有处理完",
                "数据文件特别大，或同时处理的文件太多：用 -Xmx 给 Java 更多内存（例如 JAVA_TOOL_OPTIONS=-Xmx2g），"
                        + "或用 -Dbudgetpdf.threads=1 一次只处理一个文件。没有生成 PDF，" + KEEP);
    }

    /** A fault of this program, not of the data. */
    public static Failure internal(String message) {
        return new Failure("E-INTERNAL", message,
                "这不是数据的问题，是程序的缺陷；请把这个数据文件和这条消息交给维护者。没有生成 PDF，" + KEEP);
    }

    private static Failure font(FontProblem f) {
        String shown = f.file().toString().replace('\\', '/');
        return switch (f.kind()) {
            case FOLDER_MISSING -> new Failure("E-RENDER", "找不到字体文件夹 " + shown + "，无法生成 PDF",
                    "字体随项目提供（fonts/ 下的 Noto Serif SC、Noto Sans SC）：从项目的原始副本或 git 恢复 fonts/ 文件夹。" + KEEP);
            case FOLDER_EMPTY -> new Failure("E-RENDER", "字体文件夹 " + shown + " 里没有字体文件（.ttf、.otf、.ttc），无法生成 PDF",
                    "把项目提供的字体（Noto Serif SC、Noto Sans SC）放回这个文件夹，或从 git 恢复 fonts/；不需要自己的字体时删去这个空文件夹，"
                            + "程序会用项目自带的字体。" + KEEP);
            case FILE -> new Failure("E-RENDER", "字体文件 " + shown + " 无法读取（文件不完整、已损坏或不是 TrueType/OpenType 字体）",
                    "文件多半不完整（复制或下载中断）或不是字体：重新复制这个字体文件，或把它从 fonts/ 中移走。" + KEEP);
        };
    }

    private static Failure template(String name, int line, int col, String detail) {
        String file = name == null ? null : "templates/" + name;
        SourcePos at = file != null && line > 0 ? new SourcePos(file, line, Math.max(col, 1)) : null;
        // with a position the excerpt shows the line; without, the message names what it can
        String where = at != null || file == null ? "模板" : "模板 " + file + (line > 0 ? " 第 " + line + " 行" : "");
        return new Failure("E-RENDER", where + "出错：" + detail,
                "数据已通过检查，问题在模板：多半是刚改过这个模板，撤销或改正最近的改动（写法见 templates/README.md）。" + KEEP, at);
    }

    /** What a build writes into the output folder: how the clerk calls it, and what may hold it open. */
    public enum Output {
        PDF("PDF", "PDF 阅读器"),
        WORKBOOK("Excel 表格", "Excel、WPS 表格");

        final String noun;
        final String opener;

        Output(String noun, String opener) {
            this.noun = noun;
            this.opener = opener;
        }

        String keep() {
            return "已有的" + spaced(noun) + "未被改动。";
        }

        /** The noun within Chinese text: a space only beside its Latin letters ("的 PDF 未", "的 Excel 表格未"). */
        static String spaced(String noun) {
            return (Character.isLetter(noun.charAt(0)) && noun.charAt(0) < 0x80 ? " " : "") + noun
                    + (noun.charAt(noun.length() - 1) < 0x80 ? " " : "");
        }
    }

    /**
     * A failure while writing {@code what} (the PDF is {@link #classify}'s): the disk or the folder (E-WRITE), else a
     * fault of this program. The old file is never touched.
     */
    public static Failure writing(Throwable e, String outDir, Output what) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Failure w = write(t, outDir, what);
            if (w != null) return w;
        }
        return new Failure("E-INTERNAL", "生成" + Output.spaced(what.noun) + "时程序内部出错：" + describe(e),
                "这不是数据的问题，是程序的缺陷；请把这个数据文件和这条消息交给维护者。" + what.keep());
    }

    /** A file-system failure while creating the output folder or writing {@code what}, or null. */
    static Failure write(Throwable t, String outDir, Output what) {
        String keep = what.keep();
        String noun = what.noun;
        String spaced = Output.spaced(noun);
        String reason = t instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : t.getMessage() == null ? "" : t.getMessage();
        String r = reason.toLowerCase(Locale.ROOT);
        if (r.contains("no space left") || r.contains("disk quota") || r.contains("not enough space")) {
            return new Failure("E-WRITE", "磁盘空间已满，" + noun + (spaced.endsWith(" ") ? " " : "") + "没有写完（输出目录 " + outDir + "）",
                    "清理输出目录所在磁盘的空间（或用 --out 换一个磁盘）后重新生成。数据、模板和字体都没有问题。" + keep);
        }
        if (t instanceof ReadOnlyFileSystemException || r.contains("read-only file system")) {
            return new Failure("E-WRITE", "输出目录 " + outDir + " 所在的磁盘是只读的，无法写入" + spaced.stripTrailing(),
                    "用 --out 指定一个可以写入的文件夹。" + keep);
        }
        if (t instanceof AccessDeniedException || r.contains("permission denied") || r.contains("access is denied")) {
            return new Failure("E-WRITE", "没有权限在输出目录 " + outDir + " 中写入文件",
                    "请给这个文件夹写入权限，或用 --out 指定一个可以写入的文件夹；文件被其他程序（如 " + what.opener + "）打开时请先关闭。" + keep);
        }
        if (r.contains("file too large") || r.contains("file size limit")) {
            return new Failure("E-WRITE", "文件系统不允许写入这么大的文件（输出目录 " + outDir + "）",
                    "用 --out 换一个文件夹（FAT32 的 U 盘单个文件不能超过 4 GB），或检查系统对文件大小的限制（ulimit -f）。" + keep);
        }
        if (t instanceof DirectoryNotEmptyException || r.contains("is a directory")) {
            String which = t instanceof FileSystemException fse ? name(fse.getOtherFile() != null ? fse.getOtherFile() : fse.getFile()) : "";
            return new Failure("E-WRITE", "输出目录 " + outDir + " 中" + (which.isEmpty() ? "要写的" + spaced.stripTrailing() : "的 " + which)
                            + " 是一个文件夹，不能用" + spaced + "替换它",
                    "把这个文件夹改名或移走，或用 --out 换一个输出目录。" + keep);
        }
        if (t instanceof FileAlreadyExistsException || t instanceof NotDirectoryException || r.contains("not a directory")) {
            String which = t instanceof FileSystemException fse && fse.getFile() != null ? blocking(fse.getFile()) : outDir;
            return new Failure("E-WRITE", "无法建立输出目录 " + outDir + "：" + which + " 是一个文件，不是文件夹",
                    "用 --out 指定一个文件夹，或把这个同名文件改名。" + keep);
        }
        if (t instanceof FileSystemException || t instanceof IOException && !(t instanceof FontProblem)) {
            if (t.getClass().getName().startsWith("java.nio.file.") || r.contains("i/o error") || t instanceof FileSystemException) {
                return new Failure("E-WRITE", "无法在输出目录 " + outDir + " 中写入" + spaced.stripTrailing() + "：" + SystemMessages.reason(t),
                        "检查输出目录是否存在、可以写入、磁盘有空间，或用 --out 换一个文件夹。" + keep);
            }
        }
        return null;
    }

    /** The file that stands where a folder is needed: the nearest existing part of {@code path}. */
    private static String blocking(String path) {
        try {
            for (Path p = Path.of(path); p != null; p = p.getParent()) {
                if (java.nio.file.Files.exists(p)) return java.nio.file.Files.isRegularFile(p) ? p.toString() : path;
            }
        } catch (RuntimeException e) {
            // not a path of this system: name it as given
        }
        return path;
    }

    private static String name(String file) {
        if (file == null) return "";
        try {
            Path p = Path.of(file).getFileName();
            return p == null ? file : p.toString().replaceAll("\\.tmp-\\p{XDigit}+$", "");
        } catch (RuntimeException e) {
            return file;
        }
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
