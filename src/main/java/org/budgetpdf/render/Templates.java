package org.budgetpdf.render;

import freemarker.core.HTMLOutputFormat;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Reader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import freemarker.cache.TemplateLoader;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * FreeMarker configured once over templates/: .ftlh templates with HTML auto-escaping (every data string is escaped),
 * errors rethrown rather than printed into the document, record components and zero-argument methods readable as
 * properties. A layout's template is {@code <layout>/document.ftlh}; shared macros are under {@code /common/}.
 */
public final class Templates {
    private final Configuration cfg;

    public Templates(Path dir) throws IOException {
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        if (dir.getFileSystem() == FileSystems.getDefault()) {
            cfg.setDirectoryForTemplateLoading(dir.toFile());
        } else {
            cfg.setTemplateLoader(new PathLoader(dir)); // the copy packaged in the jar
        }
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setLocale(Locale.SIMPLIFIED_CHINESE);
        cfg.setTimeZone(TimeZone.getTimeZone("Asia/Shanghai"));
        cfg.setNumberFormat("computer");
        cfg.setAPIBuiltinEnabled(false);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        // View records and Figures expose computed values as methods (money.text()); let templates write money.text.
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(
                ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        wrapper.setDefaultZeroArgumentNonVoidMethodPolicy(
                ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        cfg.setObjectWrapper(wrapper.build());
    }

    /** Renders {@code name} (relative to templates/) with the single root variable {@code r}. */
    public String render(String name, Object report) throws IOException, TemplateException {
        long t0 = System.nanoTime();
        Template t = cfg.getTemplate(name);
        org.budgetpdf.diag.Steps.add("模板解析", System.nanoTime() - t0);
        StringWriter out = new StringWriter(256 * 1024);
        t.process(Map.of("r", report), out);
        return out.toString();
    }

    /** Templates from any file system (a jar's): FreeMarker's own loader wants a java.io.File. */
    private record PathLoader(Path dir) implements TemplateLoader {
        @Override
        public Object findTemplateSource(String name) {
            Path p = dir.resolve(name).normalize();
            return p.startsWith(dir) && Files.isRegularFile(p) ? p : null;
        }

        @Override
        public long getLastModified(Object source) {
            return -1;
        }

        @Override
        public Reader getReader(Object source, String encoding) throws IOException {
            return new InputStreamReader(Files.newInputStream((Path) source), Charset.forName(encoding));
        }

        @Override
        public void closeTemplateSource(Object source) {
        }
    }
}
