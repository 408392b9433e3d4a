package org.budgetpdf.render;

import org.budgetpdf.layout.TemplateGuard;
import org.xhtmlrenderer.pdf.ITextOutputDevice;
import org.xhtmlrenderer.pdf.ITextUserAgent;
import org.xhtmlrenderer.resource.ImageResource;
import org.xhtmlrenderer.util.FontUtil;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Flying Saucer's user agent, confined: every resource a document asks for (images, {@code @import}, {@code url(…)},
 * {@code @font-face}, PDF images) is read from the layout's folder, templates/common or fonts/ only, straight from the
 * file system. Anything else (http:, https:, ftp:, file: outside, ../../, a symbolic link out) is refused and recorded;
 * no network connection is ever opened, so no server can make a build wait. SVG images are refused too: Batik, which
 * draws them, would follow their own links.
 */
final class LayoutUserAgent extends ITextUserAgent {
    private final List<Path> roots;
    /** Refused references as the document wrote them, with the reason. */
    private final Map<String, String> refused = new LinkedHashMap<>();

    /** Flying Saucer's own default style sheet, read from its jar (as Flying Saucer names it). */
    private static final String DEFAULT_CSS = String.valueOf(org.xhtmlrenderer.simple.extend.XhtmlNamespaceHandler.class.getResource(
            org.xhtmlrenderer.util.Configuration.valueFor("xr.css.user-agent-default-css") + "XhtmlNamespaceHandler.css"));

    LayoutUserAgent(ITextOutputDevice device, int dotsPerPixel, List<Path> roots) {
        super(device, dotsPerPixel);
        this.roots = List.copyOf(roots);
    }

    /** What was refused: reference as written → the clerk's reason. */
    Map<String, String> refused() {
        return refused;
    }

    @Override
    protected InputStream resolveAndOpenStream(String uri) {
        if (uri == null) return null;
        if (uri.equals(DEFAULT_CSS)) {
            try {
                return new java.net.URL(uri).openStream(); // a class-path resource of Flying Saucer itself
            } catch (IOException e) {
                return null;
            }
        }
        if (uri.regionMatches(true, 0, "data:", 0, 5)) {
            return FontUtil.isEmbeddedBase64Font(uri) ? super.resolveAndOpenStream(uri) : null;
        }
        Optional<Path> p = allowed(uri);
        if (p.isEmpty()) return null;
        try {
            return Files.newInputStream(p.get());
        } catch (IOException e) {
            refused.putIfAbsent(uri, "版式引用的文件“" + uri + "”无法读取");
            return null;
        }
    }

    @Override
    public ImageResource getImageResource(String uri) {
        if (uri != null && !uri.regionMatches(true, 0, "data:", 0, 5)) {
            Optional<Path> p = allowed(uri);
            if (p.isEmpty()) return new ImageResource(uri, null);
            if (svg(p.get())) {
                refused.putIfAbsent(uri, "版式使用了 SVG 图片“" + uri + "”：SVG 可以引用外部资源，版式里请改用 PNG 或 JPEG");
                return new ImageResource(uri, null);
            }
        }
        return super.getImageResource(uri);
    }

    /** Never: every resource is a file, opened in {@link #resolveAndOpenStream}. */
    @Override
    protected URLConnection openConnection(String uri) throws IOException {
        refused.putIfAbsent(uri, "版式引用了网络上的资源“" + uri + "”：程序不访问网络");
        throw new IOException("no network access: " + uri);
    }

    /** The file {@code uri} names when the layout may read it; otherwise records why not. */
    private Optional<Path> allowed(String uri) {
        String resolved = resolveURI(uri);
        String lower = resolved == null ? "" : resolved.toLowerCase(Locale.ROOT);
        if (resolved == null || !(lower.startsWith("file:") || lower.startsWith("jar:"))) {
            refused.putIfAbsent(uri, "版式引用了网络上的资源“" + uri + "”：程序不访问网络");
            return Optional.empty();
        }
        Optional<Path> p = TemplateGuard.pathOf(resolved);
        if (p.isEmpty() || !TemplateGuard.inside(p.get(), roots)) {
            refused.putIfAbsent(uri, "版式引用了版式文件夹以外的文件“" + uri + "”");
            return Optional.empty();
        }
        if (!Files.isRegularFile(p.get())) {
            refused.putIfAbsent(uri, "版式引用的文件“" + uri + "”不存在");
            return Optional.empty();
        }
        return p;
    }

    private static boolean svg(Path p) {
        if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) return true;
        try (InputStream in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(256);
            String s = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).stripLeading();
            return s.startsWith("<"); // XML: SVG (images are binary)
        } catch (IOException e) {
            return false;
        }
    }
}
