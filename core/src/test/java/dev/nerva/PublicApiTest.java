package dev.nerva;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the public surface: a new public type outside the internal packages, or a Guava type in
 * the signature of the API, fails here and needs a decision.
 */
class PublicApiTest {

  /** The types a user touches. Adding one is an API decision: update the README too. */
  private static final Set<String> API = Set.of(
      "dev.nerva.Nerva", "dev.nerva.Nerva$Builder", "dev.nerva.Document", "dev.nerva.Sentence",
      "dev.nerva.Token", "dev.nerva.Entity", "dev.nerva.EntityType", "dev.nerva.EntityRecognizer",
      "dev.nerva.SlashOrder", "dev.nerva.ModelLoadException", "dev.nerva.BatchInput", "dev.nerva.BatchResult",
      "dev.nerva.BatchOptions", "dev.nerva.BatchProgress", "dev.nerva.EntityDictionary",
      "dev.nerva.EntityDictionary$Builder", "dev.nerva.EntityDictionary$CaseMatching");

  /** Packages documented as internal: public only so that Nerva's own modules can reach them. */
  private static boolean internal(String className) {
    // dev.nerva.ner.features keeps its name because trained model files name its classes.
    return className.startsWith("dev.nerva.internal.") || className.startsWith("dev.nerva.ner.features.");
  }

  @Test
  void publicTypesOutsideTheInternalPackagesAreExactlyTheApi() throws Exception {
    Set<String> publicTypes = new TreeSet<>();
    for (Class<?> type : coreClasses()) {
      if (Modifier.isPublic(type.getModifiers()) && !internal(type.getName()) && isPubliclyReachable(type)) {
        publicTypes.add(type.getName());
      }
    }
    assertThat(publicTypes).containsExactlyInAnyOrderElementsOf(API);
  }

  @Test
  void theApiSpeaksJavaUtilNotGuava() throws Exception {
    List<String> guavaInSignatures = new ArrayList<>();
    for (String name : API) {
      Class<?> type = Class.forName(name);
      List<Executable> members = new ArrayList<>(List.of(type.getConstructors()));
      members.addAll(List.of(type.getMethods()));
      for (Executable member : members) {
        List<Type> types = new ArrayList<>(List.of(member.getGenericParameterTypes()));
        if (member instanceof Method method) {
          types.add(method.getGenericReturnType());
        }
        for (Type t : types) {
          if (t.getTypeName().contains("com.google.")) {
            guavaInSignatures.add(name + "." + member.getName() + ": " + t.getTypeName());
          }
        }
      }
      for (Field field : type.getFields()) {
        if (field.getGenericType().getTypeName().contains("com.google.")
            || field.get(null) != null && field.get(null).getClass().getName().startsWith("com.google.")) {
          guavaInSignatures.add(name + "." + field.getName());
        }
      }
    }
    assertThat(guavaInSignatures).isEmpty();
  }

  @Test
  void theApiKnowsTheFiveBuiltInTypesByIdentity() {
    assertThat(EntityType.of("PERSON")).isSameAs(EntityType.PERSON);
    assertThat(EntityType.of("WEAPON")).isEqualTo(new EntityType("WEAPON")).isNotSameAs(EntityType.of("WEAPON"));
  }

  private static boolean isPubliclyReachable(Class<?> type) {
    for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
      if (!Modifier.isPublic(outer.getModifiers())) {
        return false;
      }
    }
    return !type.isAnonymousClass() && !type.isLocalClass() && !type.isSynthetic();
  }

  /** Every class compiled from core's main sources. */
  private static List<Class<?>> coreClasses() throws IOException, URISyntaxException, ClassNotFoundException {
    Path root = Path.of(Nerva.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
        name = name.substring(0, name.length() - ".class".length());
        if (!name.endsWith("package-info")) {
          classes.add(Class.forName(name, false, PublicApiTest.class.getClassLoader()));
        }
      }
    }
    assertThat(classes).hasSizeGreaterThan(API.size());
    return classes;
  }
}
