package org.budgetpdf.cli;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks on the command line's paths before any file is read or written: names the JVM could not decode
 * (a non-UTF-8 locale such as {@code LANG=C}), inputs that are not files, and two inputs that would write
 * the same PDF. Each returns the Chinese message for the clerk (exit code 2), or empty when all is well.
 */
public final class Arguments {
    private Arguments() {
    }

    /** The charset the JVM used to decode arguments and file names (fixed before main runs). */
    static Charset nameCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** True when non-ASCII file names cannot survive the JVM's decoding. */
    public static boolean nonUtf8Locale() {
        return !nameCharset().equals(StandardCharsets.UTF_8);
    }

    /** A problem with an argument that Java could not decode, or that is no valid path. */
    public static Optional<String> undecodable(List<String> args) {
        boolean nonUtf8 = nonUtf8Locale();
        for (String a : args) {
            boolean mangled = nonUtf8 && (a.indexOf('\uFFFD') >= 0 || a.indexOf('?') >= 0);
            boolean invalid = false;
            try {
                Path.of(a);
            } catch (InvalidPathException e) {
                invalid = true;
            }
            if (mangled || (invalid && nonUtf8)) return Optional.of(localeMessage(a));
            if (invalid) {
                return Optional.of("“" + shown(a) + "”不是有效的文件路径。\n提示：检查路径中是否有不可见字符或系统不允许的字符（如 Windows 上的 : * ? \" < > |）。");
            }
        }
        return Optional.empty();
    }

    /** The message for a name mangled by a non-UTF-8 locale. */
    public static String localeMessage(String name) {
        return "无法识别路径“" + shown(name) + "”：当前系统的区域设置（" + localeName() + "）不是 UTF-8，"
                + "Java 在程序启动前就把中文等非英文字符变成了“?”，原来的名字已无法还原。\n"
                + "提示：先设置 UTF-8 区域再运行，例如 Linux 上执行 export LANG=C.UTF-8（或在命令前加 LANG=C.UTF-8）；"
                + "也可以把文件和文件夹改用英文、数字命名。";
    }

    private static String localeName() {
        for (String v : List.of("LC_ALL", "LC_CTYPE", "LANG")) {
            String s = System.getenv(v);
            if (s != null && !s.isEmpty()) return v + "=" + s;
        }
        return "LANG 未设置，字符集 " + nameCharset().name();
    }

    private static String shown(String name) {
        return name.replace('\uFFFD', '?');
    }

    /** Why {@code f} cannot be read as a data file, or empty when it is a regular file. */
    public static Optional<String> notAFile(Path f, String shown) {
        if (Files.isDirectory(f)) {
            return Optional.of("“" + shown + "”是一个文件夹，不是数据文件。\n提示：写出文件夹里的 .yaml 文件，例如 " + shown.replaceAll("/$", "") + "/某部门.yaml。");
        }
        if (!Files.exists(f) && Files.isSymbolicLink(f)) {
            // a link to nothing is not a missing file: say which
            try {
                f.toRealPath();
            } catch (java.io.IOException e) {
                String why = org.budgetpdf.diag.SystemMessages.reason(e);
                if (why.startsWith("符号链接形成了循环")) {
                    return Optional.of("“" + shown + "”是一个循环的符号链接（链接指向自己，或几个链接互相指向），读不到任何文件。"
                            + "\n提示：用 ls -l 查看它指向哪里，改正或删去这个链接，直接写数据文件的路径。");
                }
            }
            return Optional.of("“" + shown + "”是一个符号链接，它指向的文件不存在。\n提示：用 ls -l 查看它指向哪里，改正这个链接，或直接写数据文件的路径。");
        }
        if (!Files.exists(f)) return Optional.of("找不到文件：" + shown);
        if (!Files.isRegularFile(f)) {
            return Optional.of("“" + shown + "”不是普通文件（是设备、管道或套接字），不能当作数据文件读取。\n提示：写出 .yaml 数据文件的路径。");
        }
        return Optional.empty();
    }

    /**
     * Two inputs whose PDFs would be the same file (A/report.yaml and B/report.yaml with one --out):
     * the second would silently replace the first.
     *
     * @param targets each input and the PDF it would write, in the order given
     */
    public static Optional<String> outputClash(Map<Path, Path> targets, Function<Path, String> display) {
        Map<Path, Path> byTarget = new HashMap<>();
        for (Map.Entry<Path, Path> e : targets.entrySet()) {
            Path f = e.getKey();
            Path target;
            try {
                target = e.getValue().toAbsolutePath().normalize();
            } catch (InvalidPathException x) {
                return Optional.of(localeMessage(f.getFileName().toString()));
            }
            Path first = byTarget.putIfAbsent(target, f);
            if (first != null) {
                boolean same = first.toAbsolutePath().normalize().equals(f.toAbsolutePath().normalize());
                return Optional.of((same ? "同一个文件“" + display.apply(f) + "”写了两次"
                        : "“" + display.apply(first) + "”和“" + display.apply(f) + "”")
                        + "会生成同一个 PDF：" + display.apply(target) + "，后一个会覆盖前一个。没有生成任何 PDF。\n"
                        + "提示：" + (same ? "每个文件只写一次。" : "把这两个文件分两次生成，各用不同的 --out 目录；或把其中一个文件改名。"));
            }
        }
        return Optional.empty();
    }

    /**
     * Why {@code --report} may not write {@code target}, or empty. A report is a new file of its own: never one of the
     * data files being checked, never a data file, a layout file or a PDF (a typo must not replace the data or a
     * published document), never a folder or a special file, and its folder must exist (so that CI cannot pass
     * without the report it asked for).
     */
    public static Optional<String> reportTarget(Path target, List<Path> inputs, Function<Path, String> display) {
        String shown = display.apply(target);
        String hint = "\n提示：--report 后面写一个新的报告文件名，例如 --report 检查结果.json（SARIF 用 .sarif）。";
        Path abs = target.toAbsolutePath().normalize();
        for (Path in : inputs) {
            boolean same = in.toAbsolutePath().normalize().equals(abs);
            try {
                same |= Files.exists(target) && Files.isSameFile(in, target);
            } catch (java.io.IOException e) {
                // not comparable: not the same file
            }
            if (same) return Optional.of("--report 不能写到正在检查的数据文件“" + shown + "”上，那样会把数据冲掉。没有检查任何文件。" + hint);
        }
        String name = abs.getFileName() == null ? "" : abs.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        for (String ext : List.of(".yaml", ".yml", ".pdf", ".html", ".xlsx", ".ftlh", ".css", ".ttf", ".otf")) {
            if (name.endsWith(ext)) {
                return Optional.of("--report 不能写到“" + shown + "”：" + ext + " 文件是数据、版式、字体或已生成的 PDF、网页、Excel 表格，报告会把它冲掉。没有检查任何文件。" + hint);
            }
        }
        if (Files.isDirectory(target)) return Optional.of("--report 的“" + shown + "”是一个文件夹，报告要写成文件。" + hint);
        if (Files.exists(target) && !Files.isRegularFile(target)) return Optional.of("--report 的“" + shown + "”不是普通文件。" + hint);
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return Optional.of("--report 的文件夹“" + (dir == null ? shown : display.apply(dir)) + "”不存在，报告无法写入。没有检查任何文件。"
                    + "\n提示：先建好这个文件夹，或把报告写到已有的文件夹里。");
        }
        return Optional.empty();
    }

    /** out/&lt;name without .yaml&gt;.pdf */
    public static String pdfName(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return (dot > 0 ? n.substring(0, dot) : n) + ".pdf";
    }
}
