package org.bpsim.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class SpecTest {
  private static final PluginKind POLICY = PluginKind.named("replacement policy");

  /** A kind with an exception of its own, as predictors have. */
  private static final class OwnError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    OwnError(String message) {
      super(message);
    }
  }

  private static final PluginKind GADGET = new PluginKind("gadget", OwnError::new);

  private static final List<SpecKey> KEYS = List.of(
      SpecKey.integer("bits", 10, 1, 20, "size"),
      new SpecKey("budget", "preset", "64KB", 0, 0, List.of("64KB", "8KB"), false, false),
      new SpecKey("tables", "0 = as the budget says", "0", 0, 40, List.of(), true, false),
      new SpecKey("flags", "free text", "", 0, 0, List.of(), true, true));

  private static ResolvedSpec resolve(PluginKind kind, String text) {
    return Spec.parse(kind, text).resolve(kind, KEYS);
  }

  private static String message(PluginKind kind, String text) {
    return assertThrows(IllegalArgumentException.class, () -> resolve(kind, text)).getMessage();
  }

  @Test
  void namesAndKeysAreCaseInsensitiveAndDefaultsAreFilledIn() {
    ResolvedSpec resolved = resolve(POLICY, " DEMO : budget=8kb , tables=6,bits=12");
    assertEquals("demo", resolved.name());
    assertEquals(Map.of("bits", "12", "budget", "8KB", "tables", "6", "flags", ""),
        resolved.values());
    assertEquals(List.of("bits", "budget", "tables", "flags"),
        List.copyOf(resolved.values().keySet()), "declaration order");
    assertEquals("demo:bits=12,budget=8KB,tables=6", resolved.canonical());
    assertEquals("demo:bits=10,budget=64KB", resolve(POLICY, "demo").canonical());
    assertEquals(Set.of("tables", "flags"), resolve(POLICY, "demo").unsetDerived());
  }

  @Test
  void valueMessagesNameTheKindThePluginTheKeyAndWhatIsValid() {
    assertEquals("replacement policy 'demo': bits=99 is out of range (valid: 1..20)",
        message(POLICY, "demo:bits=99"));
    assertEquals("gadget 'demo': bits=x is not a whole number (valid: 1..20)",
        message(GADGET, "demo:bits=x"));
    assertEquals("gadget 'demo': budget=1KB is not allowed (valid: 64KB|8KB)",
        message(GADGET, "demo:budget=1KB"));
    assertEquals("replacement policy 'demo' has no key 'size' (valid keys: bits=1..20, "
        + "budget=64KB|8KB, tables=0..40, flags=text)", message(POLICY, "demo:size=3"));
    assertEquals("replacement policy 'lru' has no key 'ways' (it takes no keys)",
        assertThrows(InvalidSpecException.class,
            () -> Spec.parse(POLICY, "lru:ways=2").resolve(POLICY, List.of())).getMessage());
  }

  @Test
  void grammarMessagesNameTheKindAndTheSpec() {
    assertEquals("empty replacement policy spec (expected name:key=value,...)",
        message(POLICY, " "));
    assertEquals("gadget spec ':bits=1' has no name before ':'", message(GADGET, ":bits=1"));
    assertEquals("gadget spec 'demo:bits': 'bits' is not key=value",
        message(GADGET, "demo:bits"));
    assertEquals("gadget spec 'demo:bits=1,bits=2' sets bits twice",
        message(GADGET, "demo:bits=1,bits=2"));
    assertEquals("gadget spec 'demo:flags=\"-O3,bits=1' has an unclosed double quote",
        message(GADGET, "demo:flags=\"-O3,bits=1"));
    assertTrue(message(GADGET, "demo:flags=a\"b\"").contains("double quotes must enclose"));
    assertThrows(IllegalArgumentException.class, () -> Spec.parse(GADGET, "demo:bits=7,,b=8"));
  }

  @Test
  void eachKindThrowsItsOwnException() {
    assertSame(OwnError.class, assertThrows(RuntimeException.class,
        () -> resolve(GADGET, "demo:bits=99")).getClass());
    assertSame(OwnError.class, assertThrows(RuntimeException.class,
        () -> Spec.parse(GADGET, "")).getClass());
    assertSame(InvalidSpecException.class, assertThrows(RuntimeException.class,
        () -> resolve(POLICY, "demo:bits=99")).getClass());
  }

  @Test
  void aQuotedValueKeepsItsCommasAndTheCanonicalSpecQuotesItAgain() {
    ResolvedSpec resolved = resolve(GADGET, "demo:flags=\"-O3,-march=native\",bits=12");
    assertEquals("-O3,-march=native", resolved.values().get("flags"));
    assertEquals("demo:bits=12,budget=64KB,flags=\"-O3,-march=native\"", resolved.canonical());
    assertEquals(resolved, resolve(GADGET, resolved.canonical()));
    assertEquals("demo:flags=-O2 -g", Spec.format("demo", Map.of("flags", "-O2 -g"), Set.of()));
    assertEquals("lru", Spec.format("lru", Map.of("seed", "1"), Set.of("seed")));
  }

  @Test
  void declarationsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> SpecKey.integer("Bits", 1, 0, 2, ""));
    assertThrows(IllegalArgumentException.class, () -> SpecKey.integer("bits", 3, 0, 2, ""));
    assertEquals("0..2", SpecKey.integer("bits", 1, 0, 2, "").validValues());
  }
}
