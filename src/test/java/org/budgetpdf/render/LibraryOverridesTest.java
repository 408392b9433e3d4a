package org.budgetpdf.render;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Our classes that extend Flying Saucer's or OpenPDF's (the output device, the font resolver, the user agent...)
 * override library methods and rely on what those do: {@link CollapsedBorderDevice} records sides instead of
 * painting them, {@link TaggingDevice} marks what is painted and makes the link annotations Flying Saucer would
 * have made. When a library upgrade changes one of those methods, this test fails and names it.
 *
 * <p>It finds every such override in target/classes, and compares each overridden library method's bytecode (its
 * instructions with the constants they use resolved, so that unrelated changes to the class do not count) with
 * {@code library-overrides.txt}. After reading the changed methods in the new library's source and adapting our
 * classes, record the new state with {@code mvn test -Dtest=LibraryOverridesTest -Dupdate.expected=true} and
 * review the diff.
 */
class LibraryOverridesTest {
    private static final Path RECORD = Path.of("src/test/resources/org/budgetpdf/render/library-overrides.txt");
    private static final List<String> LIBRARIES = List.of("org.xhtmlrenderer.", "org.openpdf.");
    /**
     * Private library methods whose work our code does in their place or works around: TaggingDevice makes the link
     * annotations (processLink and its helpers), HeaderRows undoes the thead clipping, FontSet reads the font
     * description as TrueTypeUtil does, DocumentFonts matches faces as FontFamily does, PdfOutputDevice gives Chinese
     * lines the share of their spare width LineBox.justify keeps back.
     */
    private static final Map<String, List<String>> WATCHED = Map.of(
            "org.xhtmlrenderer.pdf.ITextOutputDevice", List.of("processLink", "createDestination", "calcTotalLinkArea",
                    "checkLinkArea", "addLinkAnnotation", "getPageRefY"),
            "org.xhtmlrenderer.newtable.TableCellBox", List.of("adjustBoundsToAvoidTheadOverlap", "getContentLimitedBorderEdge"),
            "org.xhtmlrenderer.pdf.TrueTypeUtil", List.of("extractDescription", "getFamilyNames"),
            "org.xhtmlrenderer.pdf.FontFamily", List.of("match", "findByWeight"),
            "org.xhtmlrenderer.pdf.ITextFontResolver", List.of("resolveFont"),
            "org.xhtmlrenderer.render.LineBox", List.of("justify"));

    @Test
    void everyOverriddenLibraryMethodIsAsRecorded() throws Exception {
        Map<String, TreeSet<String>> overridden = new TreeMap<>(); // library method -> our classes
        Map<String, String> hashes = new TreeMap<>();
        for (Class<?> ours : ourClasses()) {
            for (Method m : ours.getDeclaredMethods()) {
                if (m.isSynthetic() || m.isBridge() || Modifier.isStatic(m.getModifiers()) || Modifier.isPrivate(m.getModifiers())) continue;
                Method lib = libraryMethod(ours.getSuperclass(), m);
                if (lib == null) continue;
                String key = lib.getDeclaringClass().getName() + "#" + lib.getName() + descriptor(lib);
                overridden.computeIfAbsent(key, k -> new TreeSet<>()).add(ours.getName().substring("org.budgetpdf.".length()));
                hashes.computeIfAbsent(key, k -> codeHash(lib));
            }
        }
        assertFalse(overridden.isEmpty(), "the output device alone overrides dozens of library methods");
        for (Map.Entry<String, List<String>> w : WATCHED.entrySet()) {
            Class<?> c = Class.forName(w.getKey());
            for (Method m : c.getDeclaredMethods()) {
                if (!w.getValue().contains(m.getName()) || m.isSynthetic()) continue;
                String key = c.getName() + "#" + m.getName() + descriptor(m);
                overridden.computeIfAbsent(key, k -> new TreeSet<>()).add("(reproduced or worked around)");
                hashes.computeIfAbsent(key, k -> codeHash(m));
            }
        }
        StringBuilder actual = new StringBuilder("# library method <TAB> hash of its code <TAB> our classes overriding it\n");
        overridden.forEach((k, v) -> actual.append(k).append('\t').append(hashes.get(k)).append('\t').append(String.join(" ", v)).append('\n'));
        if (Boolean.getBoolean("update.expected")) {
            Files.createDirectories(RECORD.getParent());
            Files.writeString(RECORD, actual.toString(), StandardCharsets.UTF_8);
        }
        String expected = Files.exists(RECORD) ? Files.readString(RECORD, StandardCharsets.UTF_8) : "";
        assertEquals(expected, actual.toString(), "A library method we override changed (or an override was added or removed). "
                + "Read the changed method in the library's source, adapt our class, then record the new state: "
                + "mvn test -Dtest=LibraryOverridesTest -Dupdate.expected=true");
    }

    /** The library method {@code m} overrides, looking up from {@code from}; null when it overrides none. */
    private static Method libraryMethod(Class<?> from, Method m) {
        for (Class<?> c = from; c != null && c != Object.class; c = c.getSuperclass()) {
            if (LIBRARIES.stream().noneMatch(c.getName()::startsWith)) continue; // ours: the library's is further up
            try {
                Method found = c.getDeclaredMethod(m.getName(), m.getParameterTypes());
                if (!Modifier.isPrivate(found.getModifiers()) && !Modifier.isStatic(found.getModifiers())) return found;
            } catch (NoSuchMethodException e) {
                // declared higher up, if at all
            }
        }
        return null;
    }

    private static List<Class<?>> ourClasses() throws IOException, ClassNotFoundException {
        Path root = Path.of("target/classes");
        List<Class<?>> result = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root.resolve("org/budgetpdf"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(p).toString().replace('/', '.').replace('\\', '.').replaceAll("\\.class$", "");
                Class<?> c = Class.forName(name, false, LibraryOverridesTest.class.getClassLoader());
                for (Class<?> s2 = c.getSuperclass(); s2 != null; s2 = s2.getSuperclass()) {
                    if (LIBRARIES.stream().anyMatch(s2.getName()::startsWith)) {
                        result.add(c);
                        break;
                    }
                }
            }
        }
        return result;
    }

    private static String descriptor(Method m) {
        return MethodType.methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString();
    }

    // ---- reading a class file ---------------------------------------------------------------------------------

    private static String codeHash(Method m) {
        Class<?> c = m.getDeclaringClass();
        String file = c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class";
        try (InputStream in = c.getResourceAsStream(file)) {
            ClassFile cf = new ClassFile(new DataInputStream(in));
            byte[] code = cf.code(m.getName(), descriptor(m));
            if (code == null) return "no-code";
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code)).substring(0, 16);
        } catch (Exception e) {
            throw new AssertionError("cannot read " + c.getName() + ": " + e, e);
        }
    }

    /** The parts of a class file this test needs: the constant pool and each method's Code attribute. */
    private static final class ClassFile {
        private final Object[] pool; // String for Utf8, int[] of indices, or a value
        private final int[] tags;
        private final Map<String, byte[][]> methods = new TreeMap<>(); // name+descriptor -> {code, exception table}

        ClassFile(DataInputStream in) throws IOException {
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            pool = new Object[count];
            tags = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                tags[i] = tag;
                switch (tag) {
                    case 1 -> pool[i] = in.readUTF();
                    case 3 -> pool[i] = in.readInt();
                    case 4 -> pool[i] = in.readFloat();
                    case 5 -> { pool[i] = in.readLong(); i++; }
                    case 6 -> { pool[i] = in.readDouble(); i++; }
                    case 7, 8, 16, 19, 20 -> pool[i] = new int[] {in.readUnsignedShort()};
                    case 9, 10, 11, 12, 17, 18 -> pool[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                    case 15 -> pool[i] = new int[] {in.readUnsignedByte(), in.readUnsignedShort()};
                    default -> throw new IOException("constant pool tag " + tag);
                }
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            in.readUnsignedShort();
            in.skipNBytes(2L * in.readUnsignedShort());
            int fields = in.readUnsignedShort();
            for (int i = 0; i < fields; i++) {
                in.skipNBytes(6);
                skipAttributes(in);
            }
            int ms = in.readUnsignedShort();
            for (int i = 0; i < ms; i++) {
                in.readUnsignedShort();
                String name = (String) pool[in.readUnsignedShort()];
                String desc = (String) pool[in.readUnsignedShort()];
                int attrs = in.readUnsignedShort();
                for (int a = 0; a < attrs; a++) {
                    String an = (String) pool[in.readUnsignedShort()];
                    int len = in.readInt();
                    byte[] body = in.readNBytes(len);
                    if (an.equals("Code")) methods.put(name + desc, new byte[][] {body});
                }
            }
        }

        private static void skipAttributes(DataInputStream in) throws IOException {
            int n = in.readUnsignedShort();
            for (int a = 0; a < n; a++) {
                in.readUnsignedShort();
                in.skipNBytes(in.readInt());
            }
        }

        /** The method's instructions with each constant pool index replaced by the constant it names, and its handlers. */
        byte[] code(String name, String desc) throws IOException {
            byte[][] m = methods.get(name + desc);
            if (m == null) return null;
            DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(m[0]));
            in.readUnsignedShort(); // max stack
            in.readUnsignedShort(); // max locals
            byte[] code = in.readNBytes(in.readInt());
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int pc = 0;
            while (pc < code.length) {
                int op = code[pc] & 0xFF;
                out.write(op);
                int len = length(code, pc);
                int cp = switch (op) {
                    case 18 -> code[pc + 1] & 0xFF;
                    case 19, 20, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 189, 192, 193, 197 ->
                            ((code[pc + 1] & 0xFF) << 8) | (code[pc + 2] & 0xFF);
                    default -> -1;
                };
                if (cp >= 0) {
                    out.writeBytes(text(cp).getBytes(StandardCharsets.UTF_8));
                    int rest = op == 18 ? 2 : 3;
                    out.write(code, pc + rest, len - rest);
                } else {
                    out.write(code, pc + 1, len - 1);
                }
                pc += len;
            }
            int handlers = in.readUnsignedShort();
            for (int i = 0; i < handlers; i++) {
                out.writeBytes((in.readUnsignedShort() + "-" + in.readUnsignedShort() + "-" + in.readUnsignedShort()).getBytes(StandardCharsets.UTF_8));
                int type = in.readUnsignedShort();
                out.writeBytes((type == 0 ? "any" : text(type)).getBytes(StandardCharsets.UTF_8));
            }
            return out.toByteArray();
        }

        private String text(int i) {
            Object v = pool[i];
            if (v instanceof int[] refs) {
                StringBuilder sb = new StringBuilder("#" + tags[i] + "(");
                for (int k = 0; k < refs.length; k++) {
                    // a MethodHandle's kind and a dynamic constant's bootstrap index are numbers, not indices
                    boolean number = (tags[i] == 15 && k == 0) || ((tags[i] == 17 || tags[i] == 18) && k == 0);
                    sb.append(k > 0 ? "," : "").append(number ? String.valueOf(refs[k]) : text(refs[k]));
                }
                return sb.append(')').toString();
            }
            return String.valueOf(v);
        }

        private static int length(byte[] code, int pc) {
            int op = code[pc] & 0xFF;
            if (op == 170 || op == 171) { // tableswitch, lookupswitch: aligned operands
                int p = pc + 1 + ((4 - (pc + 1) % 4) % 4);
                if (op == 170) {
                    int low = readInt(code, p + 4);
                    int high = readInt(code, p + 8);
                    return p + 12 + 4 * (high - low + 1) - pc;
                }
                return p + 8 + 8 * readInt(code, p + 4) - pc;
            }
            if (op == 196) return (code[pc + 1] & 0xFF) == 132 ? 6 : 4; // wide
            if (op == 16 || op == 18 || (op >= 21 && op <= 25) || (op >= 54 && op <= 58) || op == 169 || op == 188) return 2;
            if (op == 17 || op == 19 || op == 20 || op == 132 || (op >= 153 && op <= 168) || (op >= 178 && op <= 184)
                    || op == 187 || op == 189 || op == 192 || op == 193 || op == 198 || op == 199) {
                return 3;
            }
            if (op == 197) return 4;
            if (op == 185 || op == 186 || op == 200 || op == 201) return 5;
            return 1;
        }

        private static int readInt(byte[] b, int at) {
            return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
        }
    }
}
