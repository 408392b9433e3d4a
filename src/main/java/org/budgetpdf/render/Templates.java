package org.budgetpdf.render;

import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.ext.beans.ZeroArgumentNonVoidMethodPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.AdapterTemplateModel;
import freemarker.template.MethodCallAwareTemplateHashModel;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateScalarModel;
import freemarker.ext.util.WrapperTemplateModel;
import org.budgetpdf.layout.TemplateGuard;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;

/**
 * FreeMarker configured once over templates/: .ftlh templates with HTML auto-escaping (every data string is escaped),
 * errors rethrown rather than printed into the document, record components and zero-argument methods readable as
 * properties. A layout's template is {@code <layout>/document.ftlh}; shared macros are under {@code /common/}.
 * A render also records which properties of the data the template read ({@code Department.staffQuota} …): the
 * checker tells the clerk what the chosen layout never prints (W-UNUSED).
 */
public final class Templates {
    private final Configuration cfg;

    /** The properties read during the render on this thread (null outside a render). */
    private static final ThreadLocal<Set<String>> READ = new ThreadLocal<>();

    /** A rendered template and the properties of the project's own records it read ("Department.staffQuota"). */
    public record Rendered(String xhtml, Set<String> read) {
    }

    public Templates(Path dir) throws IOException {
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(new PathLoader(dir));
        cfg.setLocalizedLookup(false);
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
        // A layout folder is input, not trusted code: no ?api, no class construction (TemplateGuard refuses the
        // text of ?new, ?interpret and ?eval before a template is parsed; this resolver is the second lock).
        cfg.setAPIBuiltinEnabled(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        // View records and Figures expose computed values as methods (money.text()); let templates write money.text.
        wrapper.setRecordZeroArgumentNonVoidMethodPolicy(
                ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        wrapper.setDefaultZeroArgumentNonVoidMethodPolicy(
                ZeroArgumentNonVoidMethodPolicy.BOTH_METHOD_AND_PROPERTY_UNLESS_BEAN_PROPERTY_READ_METHOD);
        cfg.setObjectWrapper(new Recording(wrapper));
    }

    /** Renders {@code name} (relative to templates/) with the single root variable {@code r}. */
    public String render(String name, Object report) throws IOException, TemplateException {
        return renderRecording(name, report).xhtml();
    }

    /** As {@link #render}, with the properties the template read. */
    public Rendered renderRecording(String name, Object report) throws IOException, TemplateException {
        long t0 = System.nanoTime();
        Template t = cfg.getTemplate(name);
        org.budgetpdf.diag.Steps.add("模板解析", System.nanoTime() - t0);
        StringWriter out = new StringWriter(256 * 1024);
        Set<String> read = new TreeSet<>();
        READ.set(read);
        try {
            t.process(Map.of("r", report), out);
        } finally {
            READ.remove();
        }
        return new Rendered(out.toString(), Collections.unmodifiableSet(read));
    }

    /** The default wrapper, with each of the project's records wrapped so that reading a property is noted. */
    private static final class Recording extends DefaultObjectWrapper {
        Recording(DefaultObjectWrapperBuilder b) {
            super(b, true);
        }

        @Override
        protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
            TemplateModel m = super.handleUnknownType(obj);
            if (m instanceof MethodCallAwareTemplateHashModel h && obj.getClass().getName().startsWith("org.budgetpdf.")) {
                return new Noted(h, obj);
            }
            return m;
        }
    }

    /** The default model of a record, each key read noted (FreeMarker's own model is final: this one delegates). */
    private record Noted(MethodCallAwareTemplateHashModel model, Object obj) implements MethodCallAwareTemplateHashModel,
            TemplateHashModelEx, TemplateScalarModel, AdapterTemplateModel, WrapperTemplateModel {
        private void note(String key) {
            Set<String> read = READ.get();
            if (read != null) read.add(obj.getClass().getSimpleName() + "." + key);
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            note(key);
            return model.get(key);
        }

        @Override
        public TemplateModel getBeforeMethodCall(String key) throws TemplateModelException, ShouldNotBeGetAsMethodException {
            note(key);
            return model.getBeforeMethodCall(key);
        }

        @Override
        public boolean isEmpty() throws TemplateModelException {
            return model.isEmpty();
        }

        @Override
        public int size() throws TemplateModelException {
            return ((TemplateHashModelEx) model).size();
        }

        @Override
        public TemplateCollectionModel keys() throws TemplateModelException {
            return ((TemplateHashModelEx) model).keys();
        }

        @Override
        public TemplateCollectionModel values() throws TemplateModelException {
            return ((TemplateHashModelEx) model).values();
        }

        @Override
        public String getAsString() throws TemplateModelException {
            return ((TemplateScalarModel) model).getAsString();
        }

        @Override
        public Object getAdaptedObject(Class<?> hint) {
            return obj;
        }

        @Override
        public Object getWrappedObject() {
            return obj;
        }
    }

    /**
     * Templates from templates/ only (on disk or in the jar): a name that leaves the folder, also through a symbolic
     * link, is not found; a template whose text uses a forbidden built-in ({@link TemplateGuard}) is refused.
     */
    private record PathLoader(Path dir) implements TemplateLoader {
        @Override
        public Object findTemplateSource(String name) throws IOException {
            Path p = dir.resolve(name).normalize();
            if (!p.startsWith(dir) || !Files.isRegularFile(p)) return null;
            if (p.getFileSystem() == FileSystems.getDefault() && !p.toRealPath().startsWith(dir.toRealPath())) return null;
            return p;
        }

        @Override
        public long getLastModified(Object source) {
            return -1;
        }

        @Override
        public Reader getReader(Object source, String encoding) throws IOException {
            String text = Files.readString((Path) source, Charset.forName(encoding));
            List<TemplateGuard.Finding> bad = TemplateGuard.scan(text);
            if (!bad.isEmpty()) {
                TemplateGuard.Finding f = bad.get(0);
                String shown = "templates/" + dir.relativize((Path) source).toString().replace('\\', '/');
                throw new LayoutRefused(new org.budgetpdf.diag.SourcePos(shown, f.line(), f.col()), f.message(), f.hint());
            }
            return new StringReader(text);
        }

        @Override
        public void closeTemplateSource(Object source) {
        }
    }
}
