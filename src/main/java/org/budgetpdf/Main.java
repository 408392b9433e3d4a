package org.budgetpdf;

import org.budgetpdf.cli.Arguments;
import org.budgetpdf.cli.ConsoleEncoding;
import org.budgetpdf.cli.Launcher;
import org.budgetpdf.cli.Options;
import org.budgetpdf.cli.Usage;
import org.budgetpdf.diag.DiagnosticReport;
import org.budgetpdf.diag.OutputFormat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Command line. Exit codes: 0 success (warnings allowed), 1 data errors, 2 usage problems.
 * {@link #run} never calls System.exit, so tests and `mvn exec:java` can call it.
 */
public final class Main {
    static final Set<String> COMMANDS = Set.of("build", "check", "new", "next-year");

    private Main() {
    }

    public static void main(String[] args) {
        Charset cs = ConsoleEncoding.current(encodingArgument(args));
        PrintStream out = new PrintStream(System.out, true, cs);
        PrintStream err = new PrintStream(System.err, true, cs);
        int code = run(args, out, err, Path.of("").toAbsolutePath());
        out.flush();
        err.flush();
        if (code != 0) System.exit(code);
    }

    /** --encoding X / --encoding=X, needed before the streams exist (picocli checks it again in {@link #run}). */
    static String encodingArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--encoding=")) return args[i].substring("--encoding=".length());
            if (args[i].equals("--encoding") && i + 1 < args.length) return args[i + 1];
        }
        return null;
    }

    public static int run(String[] args, PrintStream out, PrintStream err, Path home) {
        Optional<String> undecodable = Arguments.undecodable(List.of(args));
        if (undecodable.isPresent()) {
            err.println(undecodable.get());
            return 2;
        }
        Launcher launcher = Launcher.current();
        List<String> rest = new ArrayList<>(List.of(args));
        rest.removeIf(String::isBlank); // mvn exec:java passes an empty -Dexec.args as ""
        String first = rest.isEmpty() ? "build" : rest.get(0);
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            out.print(Usage.help(launcher));
            return 0;
        }
        if (first.equals("--version") || first.equals("-V")) {
            out.println(Usage.versionLine());
            return 0;
        }
        String command;
        if (COMMANDS.contains(first)) {
            command = first;
            if (!rest.isEmpty()) rest.remove(0);
        } else if (first.startsWith("-") || first.endsWith(".yaml") || first.endsWith(".yml") || Files.isDirectory(home.resolve(first))) {
            command = "build"; // options, a bare file name or a folder: build them
        } else {
            err.println("未知命令“" + first + "”。");
            err.print(Usage.help(launcher));
            return 2;
        }
        try {
            return switch (command) {
                case "new" -> org.budgetpdf.scaffold.BlankFile.run(Options.parse(new Options.New(), rest), out, err, home, launcher);
                case "next-year" -> org.budgetpdf.scaffold.NextYear.run(Options.parse(new Options.NextYear(), rest), out, err, home, launcher);
                default -> buildOrCheck(command.equals("build"), Options.parse(new Options.Run(), rest), out, err, home, launcher);
            };
        } catch (Options.UsageError e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private static int buildOrCheck(boolean build, Options.Run o, PrintStream out, PrintStream err, Path home, Launcher launcher)
            throws Options.UsageError {
        if (o.help) {
            out.print(Usage.help(launcher));
            return 0;
        }
        if (o.version) {
            out.println(Usage.versionLine());
            return 0;
        }
        OutputFormat format = OutputFormat.HUMAN;
        if (o.format != null) {
            format = OutputFormat.parse(o.format);
            if (format == null) throw new Options.UsageError("--format 只能是 human、json 或 sarif，不是“" + o.format + "”。");
        }
        if (o.html && !build) throw new Options.UsageError("--html 只用于 build（生成 PDF 时在旁边写出网页版）；check 不写任何文件。");
        if (o.xlsx && !build) throw new Options.UsageError("--xlsx 只用于 build：check 只检查，不生成任何文件。");
        int workers = o.threads == null ? Batch.defaultWorkers() : Options.threads(o.threads);
        if (o.out != null && o.out.isBlank()) throw new Options.UsageError("--out 后面要写输出目录。");
        Path outDir = home.resolve(o.out == null ? "out" : o.out);

        // every input: a file as given, or each data file under a folder; the PDF of a file found in a folder keeps
        // its sub-folder under the output folder (two departments may both have a 2025-budget.yaml)
        Map<Path, Path> targets = new LinkedHashMap<>();
        List<String> given = new ArrayList<>(o.files);
        if (given.isEmpty()) {
            if (!build) throw new Options.UsageError("check 需要至少一个数据文件或文件夹，例如：check data/xinxiang-weibin-2025-budget.yaml");
            if (!Files.isDirectory(home.resolve("data"))) throw new Options.UsageError("data/ 目录下没有 *.yaml 数据文件。");
            given.add("data");
        }
        for (String g : given) {
            Path f = home.resolve(g);
            if (Files.isDirectory(f)) {
                List<Path> found = dataFiles(f);
                if (found.isEmpty()) {
                    throw new Options.UsageError("文件夹“" + shown(home, f) + "”里没有 .yaml 数据文件。"
                            + (o.files.isEmpty() ? "" : "\n提示：数据文件以 .yaml 结尾；写出文件名，或换一个文件夹。"));
                }
                for (Path p : found) {
                    Path rel = f.relativize(p.getParent());
                    targets.putIfAbsent(p, outDir.resolve(rel.toString()).resolve(Arguments.pdfName(p)));
                }
            } else {
                Optional<String> notAFile = Arguments.notAFile(f, shown(home, f));
                if (notAFile.isPresent()) throw new Options.UsageError(notAFile.get());
                if (targets.containsKey(f)) {
                    throw new Options.UsageError("同一个文件“" + shown(home, f) + "”写了两次。\n提示：每个文件只写一次。");
                }
                targets.put(f, outDir.resolve(Arguments.pdfName(f)));
            }
        }
        List<Path> files = List.copyOf(targets.keySet());
        if (build) {
            Optional<String> clash = Arguments.outputClash(targets, p -> shown(home, p));
            if (clash.isPresent()) throw new Options.UsageError(clash.get());
        }
        DiagnosticReport.Sink sink = null;
        if (o.report != null) {
            Path reportFile = home.resolve(o.report);
            Optional<String> refused = Arguments.reportTarget(reportFile, files, p -> shown(home, p));
            if (refused.isPresent()) throw new Options.UsageError(refused.get());
            sink = document -> {
                try {
                    org.budgetpdf.render.AtomicFiles.write(reportFile, document.getBytes(StandardCharsets.UTF_8));
                    return Optional.empty();
                } catch (IOException | RuntimeException e) {
                    org.budgetpdf.cli.Failure w = org.budgetpdf.cli.Failure.classify(e, shown(home, reportFile.toAbsolutePath().getParent()));
                    return Optional.of("错误[E-WRITE]: 无法写入报告 " + shown(home, reportFile) + "。" + w.message()
                            + "\n提示：" + w.hint().replace("已有的 PDF 未被改动。", "原来的报告文件未被改动。"));
                }
            };
        }
        DiagnosticReport report = new DiagnosticReport(format, out, err, sink);
        Batch batch = new Batch(home, outDir, format.machine() ? err : out, err, report, workers);
        batch.targets = targets;
        batch.archival = o.pdfa;
        batch.html = o.html;
        batch.xlsx = o.xlsx;
        return batch.run(build, files);
    }

    static String shown(Path home, Path p) {
        Path abs = p.toAbsolutePath().normalize();
        return (abs.startsWith(home) ? home.relativize(abs) : abs).toString().replace('\\', '/');
    }

    /** Folders never holding data: hidden ones (.git, .vscode), layouts, fonts and build output. */
    private static final Set<String> NOT_DATA = Set.of("templates", "fonts", "target", "out");

    /** Every *.yaml / *.yml under {@code dir}, sub-folders included, in name order. */
    static List<Path> dataFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml") && Files.isRegularFile(p))
                    .filter(p -> {
                        for (Path part : dir.relativize(p.getParent())) {
                            String n = part.toString();
                            if (n.startsWith(".") || NOT_DATA.contains(n)) return false;
                        }
                        return true;
                    })
                    .sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    static String baseName(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
