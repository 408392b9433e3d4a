package org.budgetpdf;

import org.budgetpdf.render.FontSet;
import org.budgetpdf.render.PdfMeta;
import org.budgetpdf.render.PdfRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Issue 15 §2: a layout touches nothing outside its folder, templates/common and fonts/. References to the network,
 * to file: URLs and to ../../ paths are E-LAYOUT at the template or style sheet line at `check`; at `build` the
 * renderer's user agent refuses whatever only rendering shows. No connection is ever attempted: a local server that
 * accepts and never answers counts the attempts and must see none, and the build must not wait for it.
 */
class LayoutResourceTest {
    static final Path HOME = CliTest.HOME;
    static final String DATA = HOME.resolve(CliTest.MINIMAL).toString();

    /** A server that accepts connections, counts them and never answers. */
    static final class SilentServer implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger attempts = new AtomicInteger();
        final List<Socket> held = new ArrayList<>();
        final Thread thread;

        SilentServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        attempts.incrementAndGet();
                        synchronized (held) {
                            held.add(s); // kept open, never answered
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silent-server");
            thread.setDaemon(true);
            thread.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/" + path;
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (held) {
                for (Socket s : held) s.close();
            }
        }
    }

    SilentServer server;

    @BeforeEach
    void start() throws IOException {
        server = new SilentServer();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    static int lineOf(Path file, String needle) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(needle)) return i + 1;
        throw new AssertionError(needle + " not in " + file);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void networkFileAndParentReferencesAreRefusedAtCheckAndBuildWithoutAnyConnection(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("secret.png"), "not for the PDF");
        Path home = TemplateSecurityTest.projectWith(tmp, "<div><img src=\"" + server.url("logo.png") + "\"/>"
                + "<img src=\"file:///etc/passwd\"/><img src=\"../../secret.png\"/></div>");
        Path css = home.resolve("templates/henan-2025/style.css");
        Files.writeString(css, "@import url(" + server.url("a.css") + ");\nbody { background: url('" + server.url("b.png") + "'); }\n"
                + Files.readString(css, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        Files.createDirectories(home.resolve("out"));
        byte[] good = "%PDF-1.7 good".getBytes(StandardCharsets.UTF_8);
        Files.write(home.resolve("out/minimal-budget.pdf"), good);
        Path doc = home.resolve("templates/henan-2025/document.ftlh");
        int img = lineOf(doc, "logo.png");
        for (String command : new String[]{"check", "build"}) {
            CliTest.Run r = TemplateSecurityTest.runIn(home, command, DATA);
            assertEquals(1, r.code(), r.err());
            FilesAndEnvironmentTest.assertNoStackTrace(r.err());
            assertTrue(r.err().contains("templates/henan-2025/document.ftlh:" + img + ":16: 错误[E-LAYOUT]: 版式引用了网络上的资源“"
                    + server.url("logo.png") + "”"), r.err());
            assertTrue(r.err().contains("错误[E-LAYOUT]: 版式引用了版式文件夹以外的文件“file:///etc/passwd”"), r.err());
            assertTrue(r.err().contains("错误[E-LAYOUT]: 版式引用了版式文件夹以外的文件“../../secret.png”"), r.err());
            assertTrue(r.err().contains("templates/henan-2025/style.css:1:13: 错误[E-LAYOUT]: 版式引用了网络上的资源“" + server.url("a.css")), r.err());
            assertTrue(r.err().contains("templates/henan-2025/style.css:2:25: 错误[E-LAYOUT]: 版式引用了网络上的资源“" + server.url("b.png")), r.err());
            assertArrayEquals(good, Files.readAllBytes(home.resolve("out/minimal-budget.pdf")));
        }
        assertEquals(0, server.attempts.get(), "connections attempted");
    }

    static FontSet fonts() throws IOException {
        return FontSet.load(HOME.resolve("fonts"));
    }

    static String xhtml(String body, String style) {
        return "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>t</title><style type=\"text/css\">" + style
                + " body { font-family: 'Noto Serif SC'; }</style></head><body>" + body + "<p>预算</p></body></html>";
    }

    static final PdfMeta META = new PdfMeta("t", "", "", "", "zh-CN", LocalDate.of(2025, 3, 1));

    /** What only rendering shows (a reference built by the template from data) is refused by the user agent itself. */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void theRenderersUserAgentRefusesWhatTheCheckCannotSee(@TempDir Path tmp) throws IOException {
        Path layout = Files.createDirectories(tmp.resolve("templates/x"));
        Files.createDirectories(tmp.resolve("templates/common"));
        Files.writeString(tmp.resolve("secret.png"), "x");
        Files.createSymbolicLink(layout.resolve("link.png"), tmp.resolve("secret.png"));
        PdfRenderer renderer = new PdfRenderer(fonts());
        for (String ref : List.of(server.url("x.png"), "https://127.0.0.1:" + server.socket.getLocalPort() + "/y.png",
                "file:///etc/hostname", "../../secret.png", "link.png", "ftp://127.0.0.1:" + server.socket.getLocalPort() + "/z.png")) {
            for (String doc : List.of(xhtml("<img src=\"" + ref + "\"/>", ""), xhtml("", "@import url(" + ref + ");"),
                    xhtml("<div style=\"background-image: url('" + ref + "'); height: 10px\"></div>", ""))) {
                RuntimeException e = assertThrows(RuntimeException.class, () -> renderer.render(doc, layout.toUri().toString(), META, Set.of()),
                        ref);
                assertInstanceOf(org.budgetpdf.render.LayoutRefused.class, e.getCause(), ref);
                assertTrue(e.getMessage().contains(ref), e.getMessage());
            }
        }
        assertEquals(0, server.attempts.get(), "connections attempted");
    }

    @Test
    void imagesInTheLayoutFolderAreStillDrawn(@TempDir Path tmp) throws IOException {
        Path layout = Files.createDirectories(tmp.resolve("templates/x"));
        Files.createDirectories(tmp.resolve("templates/common"));
        BufferedImage png = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(png, "png", layout.resolve("logo.png").toFile());
        ImageIO.write(png, "png", tmp.resolve("templates/common/seal.png").toFile());
        byte[] pdf = new PdfRenderer(fonts()).render(xhtml("<img src=\"logo.png\"/><img src=\"../common/seal.png\"/>", ""),
                layout.toUri().toString(), META);
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            int images = 0;
            for (var name : doc.getPage(0).getResources().getXObjectNames()) {
                if (doc.getPage(0).getResources().isImageXObject(name)) images++;
            }
            assertEquals(2, images);
        }
    }

    @Test
    void anSvgImageIsRefused(@TempDir Path tmp) throws IOException {
        Path layout = Files.createDirectories(tmp.resolve("templates/x"));
        Files.writeString(layout.resolve("a.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"" + server.url("i.png") + "\"/></svg>");
        RuntimeException e = assertThrows(RuntimeException.class, () -> new PdfRenderer(fonts())
                .render(xhtml("<img src=\"a.svg\"/>", ""), layout.toUri().toString(), META, Set.of()));
        assertTrue(e.getMessage().contains("SVG"), e.getMessage());
        assertEquals(0, server.attempts.get());
    }

    @Test
    void linksToWebPagesAreNotResources() {
        assertEquals(List.of(), org.budgetpdf.layout.TemplateGuard.resources("d.ftlh",
                "<a href=\"https://www.gov.cn\">网站</a><bookmark name=\"x\" href=\"#p1\"/><img src=\"${r.logo}\"/>",
                HOME.resolve("templates/henan-2025"), List.of(HOME.resolve("templates"))));
    }
}
