package org.bpsim.predictor.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;
import org.bpsim.predictor.spi.SpecException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins built against the SPI of the past keep working: a plugin compiled against SPI 1 as
 * commit 2afa388 published it (the sources in {@code spi-1/}, see its README) loads into today's
 * registry, and every member it calls, the deprecated parsing ones included, answers as it did.
 * Today's SPI classes must also keep every public member of SPI 1 with its signature, and add no
 * abstract method a plugin would have to implement.
 */
final class Spi1PluginTest {
  private static final String SPI = "org.bpsim.predictor.spi.";

  @TempDir
  static Path folder;

  private static Path baselineClasses;
  private static PredictorRegistry registry;

  @BeforeAll
  static void buildThePluginAgainstSpi1() throws IOException, URISyntaxException {
    Path resources = Path.of(Spi1PluginTest.class.getResource("/spi-1").toURI());
    baselineClasses = compile(resources.resolve("sources"), null, folder.resolve("spi-1"));
    Path pluginClasses = compile(resources.resolve("plugin"), baselineClasses,
        folder.resolve("plugin"));
    Path jar = folder.resolve("compat.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(pluginClasses)) {
      out.putNextEntry(new JarEntry("META-INF/services/" + PredictorProvider.class.getName()));
      out.write("org.bpsim.compat.CompatProvider\n".getBytes(StandardCharsets.UTF_8));
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = pluginClasses.relativize(file).toString().replace('\\', '/');
        assertFalse(name.startsWith("org/bpsim/predictor/"), "the jar holds the plugin alone");
        out.putNextEntry(new JarEntry(name));
        Files.copy(file, out);
      }
    }
    registry = PredictorRegistry.withPlugins(List.of(jar));
  }

  /** Compiles every source under {@code sources} for Java 17, against {@code classPath}. */
  private static Path compile(Path sources, Path classPath, Path output) throws IOException {
    Files.createDirectories(output);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertNotNull(javac, "the tests run on a JDK");
    List<String> options = new ArrayList<>(List.of("--release", "17", "-d", output.toString(),
        "-implicit:none", "-proc:none"));
    // Only the given class path: the plugin must not see today's SPI on the test class path.
    options.addAll(List.of("-classpath", (classPath == null ? output : classPath).toString()));
    StringWriter messages = new StringWriter();
    try (StandardJavaFileManager manager = javac.getStandardFileManager(null, null,
        StandardCharsets.UTF_8)) {
      boolean compiled = javac.getTask(messages, manager, null, options, null,
          manager.getJavaFileObjectsFromPaths(files)).call();
      assertTrue(compiled, "compiling " + sources + ":\n" + messages);
    }
    return output;
  }

  @Test
  void aPluginBuiltAgainstSpi1LoadsAndItsSpecsAreCheckedAsBefore() {
    assertEquals(List.of(), registry.failures());
    assertFalse(registry.origin("compat").builtIn());
    // the plugin's validate() calls every host-side member of SPI 1 and refuses the spec,
    // naming the member, when one answers otherwise
    PredictorConfig config = registry.resolve("Compat: mode=COUNTER, bits=12, note=\"a,b\"");
    assertEquals("compat:bits=12,mode=counter,note=\"a,b\",seed=2", config.canonicalSpec());
    assertEquals("a,b", config.stringValue("note"));
    assertEquals("compat:bits=10,mode=counter,seed=2", registry.resolve("compat").canonicalSpec());
    assertEquals("predictor 'compat': bits=99 is out of range (valid: 1..20)",
        assertThrows(SpecException.class, () -> registry.resolve("compat:bits=99")).getMessage());
    assertEquals("predictor 'compat' has no key 'size' (valid keys: bits=1..20, limit=0..20, "
        + "mode=counter|taken, note=text, seed=0..3, depth=0..9, label=text)",
        assertThrows(SpecException.class, () -> registry.resolve("compat:size=1")).getMessage());
    assertEquals("compat: bits=12 is more than limit=8", assertThrows(SpecException.class,
        () -> registry.resolve("compat:bits=12,limit=8")).getMessage());
  }

  @Test
  void itsPredictorRunsAsBuilt() {
    BranchPredictor counter = registry.create(registry.resolve("compat:bits=4,seed=0"));
    assertEquals(2 * 16, counter.storageBits());
    assertFalse(counter.predict(0x40));
    counter.update(0x40, 0x80, BranchKind.CONDITIONAL, true);
    counter.update(0x40, 0x80, BranchKind.CONDITIONAL, true);
    assertTrue(counter.predict(0x40));
    counter.update(0x40, 0x80, BranchKind.RETURN, false);
    assertTrue(counter.predict(0x40), "only conditional branches train it");
    assertFalse(counter.predictsEveryInstruction());
    BranchPredictor taken = registry.create(registry.resolve("compat:mode=taken"));
    assertTrue(taken.predict(0x40));
    assertEquals(BranchPredictor.UNKNOWN_STORAGE, taken.storageBits());
  }

  /**
   * Every public type of SPI 1 is still there, of the same kind, with every public member of
   * SPI 1 (name, parameter and return types, static or not), the same constants, no abstract
   * method added to an interface or abstract class a plugin implements, and no class made final.
   */
  @Test
  void todaysSpiKeepsEveryPublicMemberOfSpi1() throws Exception {
    List<String> names;
    try (Stream<Path> files = Files.list(baselineClasses.resolve("org/bpsim/predictor/spi"))) {
      names = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".class") && !n.contains("$"))
          .map(n -> SPI + n.substring(0, n.length() - ".class".length())).sorted().toList();
    }
    assertEquals(10, names.size(), names.toString());
    List<String> broken = new ArrayList<>();
    try (URLClassLoader baseline = new URLClassLoader(new URL[] {baselineClasses.toUri().toURL()},
        ClassLoader.getPlatformClassLoader())) {
      for (String name : names) {
        Class<?> old = Class.forName(name, false, baseline);
        if (Modifier.isPublic(old.getModifiers())) {
          compare(old, Class.forName(name), broken);
        }
      }
    }
    assertEquals(List.of(), broken);
  }

  private static void compare(Class<?> old, Class<?> now, List<String> broken) {
    String type = old.getSimpleName();
    if (!Modifier.isPublic(now.getModifiers()) || old.isInterface() != now.isInterface()
        || old.isEnum() != now.isEnum() || old.isRecord() != now.isRecord()) {
      broken.add(type + " is no longer a public type of the same kind");
      return;
    }
    if (!Modifier.isFinal(old.getModifiers()) && Modifier.isFinal(now.getModifiers())) {
      broken.add(type + " became final");
    }
    if (old.getSuperclass() != null && !superclasses(now).contains(old.getSuperclass().getName())) {
      broken.add(type + " no longer extends " + old.getSuperclass().getName());
    }
    Set<String> interfaces = interfaces(now);
    for (Class<?> i : old.getInterfaces()) {
      if (!interfaces.contains(i.getName())) {
        broken.add(type + " no longer implements " + i.getName());
      }
    }
    Set<String> members = members(now);
    for (String member : members(old)) {
      if (!members.contains(member)) {
        broken.add(type + " lost " + member);
      }
    }
    if (!Modifier.isFinal(now.getModifiers())) {
      Set<String> abstractBefore = abstractMethods(old);
      for (String method : abstractMethods(now)) {
        if (!abstractBefore.contains(method)) {
          broken.add(type + " gained an abstract method plugins do not implement: " + method);
        }
      }
    }
    for (Field field : old.getFields()) {
      try {
        Field current = now.getField(field.getName());
        if (Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers())
            && !field.getType().isEnum()
            && !String.valueOf(field.get(null)).equals(String.valueOf(current.get(null)))) {
          broken.add(type + "." + field.getName() + " changed its value");
        }
      } catch (ReflectiveOperationException e) {
        broken.add(type + " lost field " + field.getName() + ": " + e);
      }
    }
    if (old.isEnum()) {
      List<String> before = Arrays.stream(old.getEnumConstants()).map(String::valueOf).toList();
      List<String> after = Arrays.stream(now.getEnumConstants()).map(String::valueOf).toList();
      if (!after.subList(0, Math.min(after.size(), before.size())).equals(before)) {
        broken.add(type + "'s constants changed or moved: " + before + " -> " + after);
      }
    }
  }

  private static Set<String> superclasses(Class<?> type) {
    Set<String> names = new HashSet<>();
    for (Class<?> c = type.getSuperclass(); c != null; c = c.getSuperclass()) {
      names.add(c.getName());
    }
    return names;
  }

  private static Set<String> interfaces(Class<?> type) {
    Set<String> names = new HashSet<>();
    List<Class<?>> todo = new ArrayList<>(List.of(type));
    while (!todo.isEmpty()) {
      Class<?> c = todo.remove(todo.size() - 1);
      for (Class<?> i : c.getInterfaces()) {
        if (names.add(i.getName())) {
          todo.add(i);
        }
      }
      if (c.getSuperclass() != null) {
        todo.add(c.getSuperclass());
      }
    }
    return names;
  }

  /** The public and protected constructors, methods and fields, as signatures. */
  private static Set<String> members(Class<?> type) {
    Set<String> members = new TreeSet<>();
    for (Constructor<?> c : type.getDeclaredConstructors()) {
      if (visible(c.getModifiers())) {
        members.add("new(" + parameters(c.getParameterTypes()) + ")");
      }
    }
    List<Method> methods = new ArrayList<>(Arrays.asList(type.getMethods()));
    for (Method m : type.getDeclaredMethods()) {
      if (Modifier.isProtected(m.getModifiers())) {
        methods.add(m);
      }
    }
    for (Method m : methods) {
      if (!m.isSynthetic() && !m.getDeclaringClass().getName().startsWith("java.")) {
        members.add(signature(m));
      }
    }
    for (Field f : type.getFields()) {
      members.add((Modifier.isStatic(f.getModifiers()) ? "static " : "") + f.getType().getName()
          + " " + f.getName());
    }
    return members;
  }

  private static Set<String> abstractMethods(Class<?> type) {
    return Arrays.stream(type.getMethods()).filter(m -> Modifier.isAbstract(m.getModifiers()))
        .map(Spi1PluginTest::signature).collect(Collectors.toSet());
  }

  private static String signature(Method m) {
    return (Modifier.isStatic(m.getModifiers()) ? "static " : "")
        + m.getReturnType().getName() + " " + m.getName() + "("
        + parameters(m.getParameterTypes()) + ")";
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static String parameters(Class<?>[] types) {
    return Arrays.stream(types).map(Class::getName).collect(Collectors.joining(","));
  }
}
