package io.vibevault.orm.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles generated sources with javax.tools on the test class path and loads the classes. */
final class SourceCompiler {
  private SourceCompiler() {}

  /**
   * Compiles {@code sources} (path relative to a source root → text) under {@code root} (the test's
   * temporary directory); fails the test with the compiler's messages when they do not compile;
   * returns a loader for the classes.
   */
  static ClassLoader compile(Path root, Map<String, String> sources) throws IOException {
    Path src = root.resolve("src");
    Path out = root.resolve("classes");
    Files.createDirectories(out);
    List<String> args = new ArrayList<>();
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    args.addAll(List.of("-d", out.toString(), "-cp", classPath, "-proc:none", "-Xlint:none"));
    for (var e : sources.entrySet()) {
      Path file = src.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("tests run on a JDK").isNotNull();
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    int code = javac.run(null, messages, messages, args.toArray(String[]::new));
    assertThat(code)
        .as(
            "javac: %s%nsources:%n%s",
            messages.toString(StandardCharsets.UTF_8), String.join("\n----\n", sources.values()))
        .isZero();
    return new URLClassLoader(
        new URL[] {out.toUri().toURL()}, SourceCompiler.class.getClassLoader());
  }
}
