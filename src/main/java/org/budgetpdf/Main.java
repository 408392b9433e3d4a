package org.budgetpdf;

import org.budgetpdf.diag.Diagnostic;
import org.budgetpdf.diag.DiagnosticFormatter;
import org.budgetpdf.render.AtomicFiles;

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
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if (a.equals("--out") || a.equals("-o")) {
                if (i + 1 >= rest.size()) {
                    err.println("--out 后面要写输出目录。");
                    return 2;
                }
                outDir = home.resolve(rest.get(++i));
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
        return new Main.Runner(home, outDir, out, err).run(command.equals("build"), files);
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

    private record Runner(Path home, Path outDir, PrintStream out, PrintStream err) {
        int run(boolean build, List<Path> files) {
            Pipeline pipeline = new Pipeline(home);
            long errors = 0;
            long warnings = 0;
            boolean failed = false;
            for (Path f : files) {
                String name = display(f);
                long t0 = System.nanoTime();
                Pipeline.Checked c = pipeline.check(f, name);
                DiagnosticFormatter fmt = new DiagnosticFormatter(n -> n.equals(name) ? c.source().lines() : pipeline.layoutLines(n));
                for (Diagnostic d : c.diags().sorted()) err.print(fmt.format(d));
                errors += c.diags().errorCount();
                warnings += c.diags().warningCount();
                if (!c.ok()) {
                    failed = true;
                    out.println(name + "：有错误，未生成 PDF");
                    continue;
                }
                if (!build) {
                    out.println(name + "：检查通过");
                    continue;
                }
                Path target = outDir.resolve(baseName(f) + ".pdf");
                try {
                    Pipeline.Built b = pipeline.render(c);
                    Files.createDirectories(outDir);
                    AtomicFiles.write(target, b.result().pdf());
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    out.println(name + " → " + display(target) + "：" + b.result().pages() + " 页，"
                            + (b.result().pdf().length / 1024) + " KB，用时 " + ms + " ms");
                } catch (Exception e) {
                    failed = true;
                    org.budgetpdf.cli.Failure why = org.budgetpdf.cli.Failure.classify(e, display(outDir));
                    err.println(name + ": 错误[" + why.code() + "]: " + why.message());
                    err.println("提示：" + why.hint());
                    errors++;
                }
            }
            if (errors + warnings > 0) err.println(org.budgetpdf.diag.DiagnosticFormatter.summary(errors, warnings));
            return failed ? 1 : 0;
        }

        private String display(Path p) {
            Path abs = p.toAbsolutePath().normalize();
            return abs.startsWith(home) ? home.relativize(abs).toString().replace('\\', '/') : abs.toString();
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
