package org.bpsim.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.bpsim.error.UserException;
import org.bpsim.json.StrictJson.Keys;
import org.junit.jupiter.api.Test;

final class StrictJsonTest {
  private static final Path FILE = Path.of("in.json");
  private static final Keys KEYS = new Keys(Set.of("size_bytes", "ways"),
      Map.of("sizeBytes", "size_bytes"));

  private static String refusal(String text) {
    return assertThrows(UserException.class, () -> StrictJson.checkKeys(FILE, "level",
        StrictJson.parseObject(FILE, text, "a level file"), KEYS)).getMessage();
  }

  @Test
  void validKeysPass() {
    StrictJson.checkKeys(FILE, "level",
        StrictJson.parseObject(FILE, "{\"ways\": 2, \"size_bytes\": 64}", "a level file"), KEYS);
  }

  @Test
  void eachProblemIsOneLineNamingTheFileAndTheKey() {
    assertEquals("in.json: level: key 'sizeBytes' was renamed 'size_bytes'",
        refusal("{\"ways\": 2, \"sizeBytes\": 64}"));
    assertEquals("in.json: level: unknown key \"colour\" (valid: size_bytes, ways)",
        refusal("{\"colour\": 1}"));
    assertEquals("in.json: line 1: key 'ways' is given twice; give it once",
        refusal("{\"ways\": 2, \"ways\": 4}"));
    assertEquals("in.json: a level file is a JSON object", refusal("[1, 2]"));
    assertEquals("in.json: a level file is a JSON object", refusal(""));
    assertEquals("in.json: line 2: not valid JSON", refusal("{\"ways\":\n ]").replaceAll(
        " \\(.*", ""));
  }

  /** A rename must lead from a key no longer valid to one that is, or the table is wrong. */
  @Test
  void aRenameTableThatContradictsItselfIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new Keys(Set.of("ways"), Map.of("sizeBytes", "size_bytes")));
    assertThrows(IllegalArgumentException.class,
        () -> new Keys(Set.of("ways", "size_bytes"), Map.of("ways", "size_bytes")));
  }
}
