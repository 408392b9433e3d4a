package org.budgetpdf.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line's options, parsed by picocli: {@code --out x} and {@code --out=x} alike for every option, an
 * option given twice keeps the last, unknown options refused. Picocli's English messages are replaced by the
 * clerk's ({@link Usage#message}); the help text is ours ({@link Usage}), in the form the program was started.
 */
public final class Options {
    private Options() {
    }

    /** What every command accepts. */
    public static class Common {
        @Option(names = {"-h", "--help"}) public boolean help;
        @Option(names = {"-V", "--version"}) public boolean version;
        /** Read by Main.main before the streams are made; here so that it is accepted and checked. */
        @Option(names = "--encoding") public String encoding;
    }

    /** build and check. */
    @Command(name = "build")
    public static final class Run extends Common {
        @Option(names = {"-o", "--out"}) public String out;
        @Option(names = "--format") public String format;
        @Option(names = "--report") public String report;
        @Option(names = "--threads") public String threads;
        /** PDF/A-2u for archives, besides PDF/UA-1. */
        @Option(names = "--pdfa") public boolean pdfa;
        /** build: also the web page beside each PDF (render/WebPage). */
        @Option(names = "--html") public boolean html;
        /** build: a workbook (.xlsx) of the document's tables beside each PDF. */
        @Option(names = "--xlsx") public boolean xlsx;
        @Parameters public List<String> files = new ArrayList<>();
    }

    /** new: a blank data file. */
    @Command(name = "new")
    public static final class New extends Common {
        @Option(names = {"--版式", "--layout"}) public String layout;
        @Option(names = {"--决算", "--final"}) public boolean finalAccounts;
        @Parameters public List<String> files = new ArrayList<>();
    }

    /** next-year: next year's file from this year's (or, with --决算, this year's 决算 from its 预算). */
    @Command(name = "next-year")
    public static final class NextYear extends Common {
        @Option(names = {"--决算", "--final"}) public boolean finalAccounts;
        @Option(names = {"-o", "--out"}) public String out;
        @Parameters public List<String> files = new ArrayList<>();
    }

    /** A command line the clerk got wrong: the message to print (exit code 2). */
    public static final class UsageError extends Exception {
        public UsageError(String message) {
            super(message, null, false, false);
        }
    }

    /** What each option's value is, for “--out 后面要写输出目录”. */
    private static final Map<String, String> VALUES = Map.of("--out", "输出目录（或文件名）", "--format", "格式（human、json 或 sarif）",
            "--report", "报告文件名", "--threads", "线程数", "--encoding", "字符集（例如 GBK 或 UTF-8）", "--版式", "版式名称");

    /** Parses {@code args} into {@code options}. */
    public static <T extends Common> T parse(T options, List<String> args) throws UsageError {
        CommandLine cl = new CommandLine(options);
        cl.setExpandAtFiles(false);          // a data file may be named @something
        cl.setOverwrittenOptionsAllowed(true);
        cl.setUnmatchedOptionsArePositionalParams(false);
        try {
            cl.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.MissingParameterException e) {
            String name = e.getMissing().isEmpty() || !(e.getMissing().get(0) instanceof CommandLine.Model.OptionSpec o)
                    ? "" : o.longestName();
            throw new UsageError(missing(name));
        } catch (CommandLine.UnmatchedArgumentException e) {
            String first = e.getUnmatched().isEmpty() ? "" : e.getUnmatched().get(0);
            throw new UsageError("未知选项“" + first + "”。用 --help 查看用法。");
        } catch (CommandLine.ParameterException e) {
            throw new UsageError("命令行有误：" + e.getMessage() + "。用 --help 查看用法。");
        }
        if (options.encoding != null && ConsoleEncoding.charset(options.encoding).isEmpty()) {
            throw new UsageError("--encoding 后面要写字符集，例如 GBK 或 UTF-8，不是“" + options.encoding + "”。");
        }
        return options;
    }

    static String missing(String option) {
        String what = VALUES.get(option.equals("--layout") ? "--版式" : option.equals("-o") ? "--out" : option);
        return (option.isEmpty() ? "选项" : option) + " 后面要写" + (what == null ? "值" : what) + "。";
    }

    /** --threads N: a whole number from 1 to 256. */
    public static int threads(String value) throws UsageError {
        String v = value.strip();
        if (v.matches("\\d{1,3}") && Integer.parseInt(v) >= 1 && Integer.parseInt(v) <= 256) return Integer.parseInt(v);
        throw new UsageError("--threads 后面要写 1 到 256 之间的整数（同时生成几个文件），不是“" + value + "”。");
    }
}
