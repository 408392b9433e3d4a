package org.budgetpdf;

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
            if (!Files.isRegularFile(f)) {
                err.println("找不到文件：" + home.relativize(f.toAbsolutePath()));
                return 2;
            }
        }
        return new Batch(home, outDir, out, err).run(command.equals("build"), files);
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


}
