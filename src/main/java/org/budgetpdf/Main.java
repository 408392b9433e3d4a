package org.budgetpdf;

import org.budgetpdf.diag.OutputFormat;
import org.budgetpdf.diag.DiagnosticReport;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Command line. Exit codes: 0 success (warnings allowed), 1 data errors, 2 usage problems.
 * {@link #run} never calls System.exit, so tests and `mvn exec:java` can call it.
 */
public final class Main {
    static final String HELP = """
            用法：
              mvn -q compile exec:java                                  检查并生成 data/ 下的全部 *.yaml
              mvn -q compile exec:java -Dexec.args="build 文件…"        检查并生成指定文件
              mvn -q compile exec:java -Dexec.args="check 文件…"        只检查，不生成 PDF
              mvn -q compile exec:java -Dexec.args="--help"             显示本说明

            命令：
              build [文件…]   检查数据文件，没有错误的生成 out/<同名>.pdf；不给文件时处理 data/*.yaml
              check 文件…     只检查，逐条列出错误和警告（文件:行:列）
            选项：
              --out 目录      PDF 输出目录（默认 out）
              --format 格式   提示的格式：human（默认，给人看）、json（每条提示一个对象）、
                              sarif（SARIF 2.1.0，代码审查工具和编辑器读取）；json、sarif 写到标准输出
              --report 文件   json、sarif 写到这个文件（UTF-8），不写到标准输出
              --help          显示本说明

            退出码：0 成功（可以有警告）；1 数据有错误；2 命令用法不对。
            有错误的文件不会生成 PDF，也不会覆盖已有的 PDF；其他文件照常生成。
            """;

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, out, err, Path.of("").toAbsolutePath());
        out.flush();
        err.flush();
        if (code != 0) System.exit(code);
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Path home) {
        java.util.Optional<String> undecodable = org.budgetpdf.cli.Arguments.undecodable(List.of(args));
        if (undecodable.isPresent()) {
            err.println(undecodable.get());
            return 2;
        }
        List<String> rest = new ArrayList<>(List.of(args));
        rest.removeIf(String::isBlank);
        String command = rest.isEmpty() ? "build" : rest.remove(0);
        if (command.equals("--help") || command.equals("-h") || command.equals("help")) {
            out.print(HELP);
            return 0;
        }
        if (!command.equals("build") && !command.equals("check")) {
            // A bare file name means build it.
            if (command.endsWith(".yaml") || command.endsWith(".yml")) {
                rest.add(0, command);
                command = "build";
            } else {
                err.println("未知命令“" + command + "”。");
                err.print(HELP);
                return 2;
            }
        }
        Path outDir = home.resolve("out");
        OutputFormat format = OutputFormat.HUMAN;
        Path reportFile = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if (a.equals("--out") || a.equals("-o")) {
                if (i + 1 >= rest.size()) {
                    err.println("--out 后面要写输出目录。");
                    return 2;
                }
                outDir = home.resolve(rest.get(++i));
            } else if (a.equals("--format") || a.startsWith("--format=")) {
                String name = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < rest.size() ? rest.get(++i) : "";
                format = OutputFormat.parse(name);
                if (format == null) {
                    err.println("--format 只能是 human、json 或 sarif，不是“" + name + "”。");
                    return 2;
                }
            } else if (a.equals("--report")) {
                if (i + 1 >= rest.size()) {
                    err.println("--report 后面要写文件名。");
                    return 2;
                }
                reportFile = home.resolve(rest.get(++i));
            } else if (a.startsWith("-")) {
                err.println("未知选项“" + a + "”。用 --help 查看用法。");
                return 2;
            } else {
                files.add(home.resolve(a));
            }
        }
        if (files.isEmpty()) {
            if (command.equals("check")) {
                err.println("check 需要至少一个数据文件，例如：check data/xinxiang-weibin-2025-budget.yaml");
                return 2;
            }
            files = dataFiles(home.resolve("data"));
            if (files.isEmpty()) {
                err.println("data/ 目录下没有 *.yaml 数据文件。");
                return 2;
            }
        }
        for (Path f : files) {
            java.util.Optional<String> notAFile = org.budgetpdf.cli.Arguments.notAFile(f, shown(home, f));
            if (notAFile.isPresent()) {
                err.println(notAFile.get());
                return 2;
            }
        }
        if (command.equals("build")) {
            java.util.Optional<String> clash = org.budgetpdf.cli.Arguments.outputClash(files, outDir, p -> shown(home, p));
            if (clash.isPresent()) {
                err.println(clash.get());
                return 2;
            }
        }
        if (reportFile != null && !format.machine()) {
            err.println("--report 只用于 --format json 或 --format sarif。");
            return 2;
        }
        DiagnosticReport.Sink sink = null;
        if (reportFile != null) {
            java.util.Optional<String> refused = org.budgetpdf.cli.Arguments.reportTarget(reportFile, files, p -> shown(home, p));
            if (refused.isPresent()) {
                err.println(refused.get());
                return 2;
            }
            Path target = reportFile;
            sink = document -> {
                try {
                    org.budgetpdf.render.AtomicFiles.write(target, document.getBytes(StandardCharsets.UTF_8));
                    return java.util.Optional.empty();
                } catch (IOException | RuntimeException e) {
                    org.budgetpdf.cli.Failure w = org.budgetpdf.cli.Failure.classify(e, shown(home, target.toAbsolutePath().getParent()));
                    return java.util.Optional.of("错误[E-WRITE]: 无法写入报告 " + shown(home, target) + "。" + w.message()
                            + "\n提示：" + w.hint().replace("已有的 PDF 未被改动。", "原来的报告文件未被改动。"));
                }
            };
        }
        DiagnosticReport report = new DiagnosticReport(format, out, err, sink);
        return new Batch(home, outDir, format.machine() ? err : out, err, report).run(command.equals("build"), files);
    }

    private static String shown(Path home, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return (abs.startsWith(home) ? home.relativize(abs) : abs).toString().replace('\\', '/');
    }

    private static List<Path> dataFiles(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static String baseName(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 600; t = t.getCause()) {
            if (t.getMessage() != null) sb.append(sb.isEmpty() ? "" : " ← ").append(t.getMessage().lines().filter(l -> !l.isBlank()).limit(4).reduce((a, b2) -> a + " " + b2.strip()).orElse(""));
        }
        return sb.isEmpty() ? e.getClass().getSimpleName() : sb.toString();
    }

}
