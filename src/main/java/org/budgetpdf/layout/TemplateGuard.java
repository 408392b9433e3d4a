package org.budgetpdf.layout;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a layout's template may not do. A layout folder is input, not trusted code (a folder someone else prepared
 * is enough to run the tool in), so
 * <ul>
 *   <li>the FreeMarker built-ins that construct Java objects or turn text into template code are refused wherever they
 *       appear in a template's text: {@code ?new} (any class, e.g. {@code freemarker.template.utility.Execute}),
 *       {@code ?interpret} and {@code ?eval} (a department name becomes code), {@code ?api} (the Java methods behind a
 *       value);</li>
 *   <li>a template or style sheet may use files of its own folder, templates/common and fonts/ only: an image, a
 *       style sheet ({@code @import}, {@code <link href>}), a {@code url(…)} anywhere else, or on the network, is
 *       refused ({@link #resources}); the renderer enforces the same rule for what only rendering shows (a URL built
 *       from data), and never opens a network connection.</li>
 * </ul>
 * The scans are lexical and deliberately broad: a false alarm in a comment costs a rewording, a miss costs the machine.
 */
public final class TemplateGuard {
    private TemplateGuard() {
    }

    /** FreeMarker allows blanks around '?'; eval_json (JSON only) stays allowed. */
    private static final Pattern FORBIDDEN = Pattern.compile("\\?\\s*(new|interpret|eval|api|has_api)(?![A-Za-z0-9_])");

    public static final String RESOURCE_HINT = "版式只能使用自己文件夹、templates/common 和 fonts/ 里的文件，程序从不访问网络：把要用的图片、"
            + "样式表放进版式文件夹，用相对路径引用（例如 url(logo.png)），或删去这一处。见 templates/README.md“模板能做什么”。";

    /** One finding: its 1-based line and column in the file, its length there, the clerk's message and hint. */
    public record Finding(String builtin, int line, int col, int length, String message, String hint) {
        public static final String HINT = "版式只能排版数据，不能执行代码；删去这一处。模板能用的写法见 templates/README.md“模板能做什么”。";
    }

    private static String builtinMessage(String builtin) {
        String what = switch (builtin) {
            case "new" -> "构造 Java 对象（可以运行任意命令、读取任意文件）";
            case "interpret", "eval" -> "把文字当作模板代码执行（数据里的文字会变成代码）";
            default -> "调用数据背后的 Java 方法";
        };
        return "模板不能使用 ?" + builtin + "：它会" + what;
    }

    /** Every forbidden built-in in a template's text, in order. */
    public static List<Finding> scan(String text) {
        List<Finding> out = new ArrayList<>();
        Matcher m = FORBIDDEN.matcher(text);
        while (m.find()) {
            int[] lc = lineCol(text, m.start());
            out.add(new Finding(m.group(1), lc[0], lc[1], m.end() - m.start(), builtinMessage(m.group(1)), Finding.HINT));
        }
        return out;
    }

    // ---- resources ------------------------------------------------------------------------------------------------

    /** The web page's style sheet (build --html), in templates/common and, optionally, in a layout's folder. */
    public static final String WEB_STYLESHEET = "web.css";

    public static final String WEB_FONT_MESSAGE = "网页版不嵌入字体文件：中文字体有十几 MB，网页版用读者电脑、手机上已有的字体";
    public static final String WEB_FONT_HINT = "删去这一处 url(…)（@font-face 只写 local(…)），在 font-family 里写字体名称，例如 "
            + "\"Noto Serif SC\", \"SimSun\", serif。见 templates/README.md“网页版”。";
    private static final Pattern FONT_FILE = Pattern.compile("(?i)\\.(ttf|otf|ttc|woff2?|eot)([?#].*)?$");

    /** True when a url() names a font file: the web page never embeds one. */
    public static boolean fontFile(String url) {
        return FONT_FILE.matcher(url.strip()).find();
    }

    /** What a web style sheet may not do beyond any style sheet ({@link #resources}): embed a font file. */
    public static List<Finding> webStylesheet(String text) {
        List<Finding> out = new ArrayList<>();
        Matcher m = CSS_URL.matcher(text);
        while (m.find()) {
            if (!fontFile(m.group(2))) continue;
            int[] lc = lineCol(text, m.start(2));
            out.add(new Finding("", lc[0], lc[1], m.group(2).codePointCount(0, m.group(2).length()), WEB_FONT_MESSAGE, WEB_FONT_HINT));
        }
        return out;
    }

    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)([^'\")]*)\\1\\s*\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_IMPORT = Pattern.compile("@import\\s+(['\"])([^'\"]*)\\1", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(src|href)\\s*=\\s*(['\"])(.*?)\\2", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    /**
     * Every reference in a template ({@code .ftlh}) or style sheet ({@code .css}) to a resource the renderer may not
     * read: on the network, a file: URL, or a relative path that leaves {@code roots} (resolved against
     * {@code base}, the layout's folder: the style sheets are read into the document, whose base is that folder), or a
     * file that does not exist. A link to a web page ({@code <a href>}) is not a resource: the reader's PDF viewer opens
     * it, this program never does. References built by the template ({@code ${…}}) are checked when rendering.
     */
    public static List<Finding> resources(String fileName, String text, Path base, List<Path> roots) {
        List<Finding> out = new ArrayList<>();
        boolean css = fileName.toLowerCase(Locale.ROOT).endsWith(".css");
        for (Pattern p : List.of(CSS_URL, CSS_IMPORT)) {
            Matcher m = p.matcher(text);
            while (m.find()) check(out, text, m.start(2), m.group(2), base, roots);
        }
        if (!css) {
            Matcher m = ATTRIBUTE.matcher(text);
            while (m.find()) {
                String element = elementAt(text, m.start());
                if (element.equals("a") || element.equals("bookmark")) continue; // links, not resources
                check(out, text, m.start(3), m.group(3), base, roots);
            }
        }
        out.sort(java.util.Comparator.comparingInt(Finding::line).thenComparingInt(Finding::col));
        return out;
    }

    /** The name of the element whose tag holds {@code at} (lower case), or "" outside a tag. */
    private static String elementAt(String text, int at) {
        int lt = text.lastIndexOf('<', at);
        if (lt < 0 || text.lastIndexOf('>', at) > lt) return "";
        Matcher m = Pattern.compile("<\\??([A-Za-z][A-Za-z0-9:-]*)").matcher(text).region(lt, Math.min(text.length(), lt + 40));
        return m.lookingAt() ? m.group(1).toLowerCase(Locale.ROOT) : "";
    }

    private static void check(List<Finding> out, String text, int at, String raw, Path base, List<Path> roots) {
        String url = raw.strip();
        if (url.isEmpty() || url.startsWith("#") || url.contains("${") || url.contains("<#") || url.contains("#{")) return;
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("data:")) return; // embedded in the file itself
        String problem = problem(url, base, roots);
        if (problem == null) return;
        int[] lc = lineCol(text, at);
        out.add(new Finding("", lc[0], lc[1], url.codePointCount(0, url.length()), problem, RESOURCE_HINT));
    }

    /** Why the renderer may not read {@code url} (as written in a layout), or null when it may. */
    public static String problem(String url, Path base, List<Path> roots) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("//") || (SCHEME.matcher(url).find() && !lower.startsWith("file:") && !lower.startsWith("jar:"))) {
            return "版式引用了网络上的资源“" + url + "”：程序不访问网络";
        }
        Optional<Path> p = SCHEME.matcher(url).find() ? pathOf(url) : Optional.of(base.resolve(stripQuery(url)));
        if (p.isEmpty()) return "版式引用了版式文件夹以外的资源“" + url + "”";
        Path target = p.get().toAbsolutePath().normalize();
        if (!inside(target, roots)) return "版式引用了版式文件夹以外的文件“" + url + "”";
        if (!Files.isRegularFile(target)) return "版式引用的文件“" + url + "”不存在";
        return null;
    }

    /** The path of a relative reference: without query and fragment, percent escapes decoded. */
    private static String stripQuery(String url) {
        String s = url.replaceAll("[?#].*$", "");
        try {
            String path = new URI(s).getPath();
            return path == null ? s : path;
        } catch (URISyntaxException e) {
            return s; // spaces or Chinese characters written as they are
        }
    }

    /** A file: or jar: URI as a path, when its file system is at hand. */
    public static Optional<Path> pathOf(String uri) {
        try {
            return Optional.of(Path.of(new URI(uri)));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * True when {@code target} lies in one of {@code roots}, also after following symbolic links (a link inside the
     * layout folder pointing at /etc is outside).
     */
    public static boolean inside(Path target, List<Path> roots) {
        Path t = target.toAbsolutePath().normalize();
        for (Path root : roots) {
            Path r = root.toAbsolutePath().normalize();
            if (!t.getFileSystem().equals(r.getFileSystem()) || !t.startsWith(r)) continue;
            if (t.getFileSystem() != java.nio.file.FileSystems.getDefault()) return true;
            try {
                if (!Files.exists(t) || t.toRealPath().startsWith(r.toRealPath())) return true;
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    /** Where {@code needle} is first written in the templates and style sheets of {@code folders}, for a diagnostic. */
    public record Place(Path file, int line, int col) {
    }

    public static Optional<Place> find(List<Path> folders, String needle) {
        if (needle == null || needle.isEmpty()) return Optional.empty();
        for (Path dir : folders) {
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(f -> f.getFileName().toString().matches(".*\\.(ftl[hx]?|css)") && Files.isRegularFile(f)).sorted().toList();
            } catch (IOException e) {
                continue;
            }
            for (Path f : files) {
                try {
                    String text = Files.readString(f, java.nio.charset.StandardCharsets.UTF_8);
                    int at = text.indexOf(needle);
                    if (at >= 0) {
                        int[] lc = lineCol(text, at);
                        return Optional.of(new Place(f, lc[0], lc[1]));
                    }
                } catch (IOException e) {
                    // unreadable: the loader reports it
                }
            }
        }
        return Optional.empty();
    }

    /** 1-based line and code-point column of {@code offset} in {@code text}. */
    private static int[] lineCol(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[]{line, text.codePointCount(lineStart, offset) + 1};
    }
}
