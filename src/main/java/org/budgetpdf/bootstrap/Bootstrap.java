package org.budgetpdf.bootstrap;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The program's first class, compiled for Java 8 (everything else needs Java 21): {@code mvn exec:java} runs it in
 * Maven's own JVM, and the runnable jar names it as its main class.
 *
 * <p>On Java 21 or later it simply calls the real main class in this JVM. On an older one (Maven on a machine whose
 * default JDK is 17, beside which a JDK 21+ is installed) it runs the same class path in a JVM of a JDK 21+ found by
 * {@link JdkFinder}, with the console passed through, and exits with that JVM's exit code. Without one it says
 * in Chinese what to install and exits with 2.
 */
public final class Bootstrap {
    /** Java feature release the program needs. */
    public static final int REQUIRED = 21;
    /** The class to run (pom.xml passes {@code exec.mainClass}, so {@code -Dexec.mainClass=…} still picks another). */
    static final String MAIN_PROPERTY = "budgetpdf.main";
    static final String DEFAULT_MAIN = "org.budgetpdf.Main";

    private Bootstrap() {
    }

    public static void main(String[] args) throws Throwable {
        String main = System.getProperty(MAIN_PROPERTY, DEFAULT_MAIN);
        if (JdkFinder.feature(System.getProperty("java.specification.version")) >= REQUIRED) {
            runHere(main, args);
            return;
        }
        Optional<Path> java = new JdkFinder(System.getenv(), Paths.get(System.getProperty("user.home", "."))).find(REQUIRED);
        if (!java.isPresent()) {
            System.err.println("本程序需要 Java " + REQUIRED + " 或更新版本（JDK），当前运行的是 Java "
                    + System.getProperty("java.version") + "（" + System.getProperty("java.home") + "）。");
            System.err.println("请安装 JDK " + REQUIRED + " 或 25（例如 Eclipse Temurin），或把 JAVA_HOME 设为已安装的 JDK "
                    + REQUIRED + "+ 的文件夹；见 README“安装”。");
            System.exit(2);
        }
        System.exit(runIn(java.get(), main, args));
    }

    private static void runHere(String main, String[] args) throws Throwable {
        Method m = Class.forName(main, true, Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : Bootstrap.class.getClassLoader())
                .getMethod("main", String[].class);
        try {
            m.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Runs {@code main} with this JVM's class path in the JVM {@code java}; its exit code. */
    private static int runIn(Path java, String main, String[] args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.add("-Xss4m"); // as bin/budgetpdf and the tests: deep documents recurse deeply in layout
        // this JVM's settings for a short run (.mvn/jvm.config: client compiler, serial GC) and its memory limits
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-XX:TieredStopAtLevel=") || a.equals("-XX:+UseSerialGC") || a.startsWith("-Xmx")
                    || a.startsWith("-Xms") || a.startsWith("-Xss")) {
                cmd.add(a);
            }
        }
        for (Map.Entry<Object, Object> p : System.getProperties().entrySet()) {
            String key = String.valueOf(p.getKey());
            // what the user may set with mvn -D…: the program's own settings
            if (key.startsWith("budgetpdf.") && !key.equals(MAIN_PROPERTY)) cmd.add("-D" + key + "=" + p.getValue());
        }
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(main);
        for (String a : args) cmd.add(a);
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        // Ctrl-C reaches both JVMs (one process group); this one waits for the program to clean up and exit.
        while (true) {
            try {
                return p.waitFor();
            } catch (InterruptedException e) {
                // keep waiting: the child decides when it is done
            }
        }
    }

    /** The class path this class was loaded from: exec:java's class loader, or java.class.path. */
    static String classPath() throws URISyntaxException {
        ClassLoader cl = Bootstrap.class.getClassLoader();
        if (cl instanceof URLClassLoader) {
            StringBuilder sb = new StringBuilder();
            for (URL u : ((URLClassLoader) cl).getURLs()) {
                if (!"file".equals(u.getProtocol())) continue;
                if (sb.length() > 0) sb.append(File.pathSeparatorChar);
                sb.append(Paths.get(u.toURI()));
            }
            if (sb.length() > 0) return sb.toString();
        }
        return System.getProperty("java.class.path");
    }
}
