package org.bpsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

final class HtmlPageTest {
  private static final Map<String, String> FILES =
      ReportFiles.of(SampleComparisons.withHostileNames());
  private static final String PAGE = FILES.get(ReportFiles.INDEX);

  @Test
  void traceAndPredictorNamesNeverReachThePageAsMarkup() {
    assertFalse(PAGE.contains("<script"), "a trace name became a script element");
    assertFalse(PAGE.contains("<b>"), "a predictor name became markup");
    assertTrue(PAGE.contains("&lt;script&gt;&amp;&quot;"), "escaped trace name missing");
    assertTrue(PAGE.contains("odd&lt;b&gt;&amp;&#39;predictor"), "escaped predictor missing");
  }

  @Test
  void everyChartIsInlinedAndWrittenAsItsOwnSvgFile() {
    for (String name : new String[] {"mpki", "accuracy", "storage"}) {
      assertTrue(PAGE.contains("<svg id='" + name + "'"), name + " chart not inlined");
      String file = FILES.get(name + ".svg");
      assertTrue(file.startsWith("<?xml"), name + ".svg is not an SVG document");
      assertFalse(file.contains("<script"), name + ".svg holds unescaped markup");
    }
  }

  @Test
  void pipelineFiguresGetTheirOwnSectionTablesChartsAndJson() {
    assertTrue(PAGE.contains("<section id=\"pipeline\">"), "pipeline section missing");
    assertTrue(PAGE.contains("<a href=\"#pipeline\">"), "no link to the pipeline section");
    for (String name : new String[] {"ipc", "cpi-stack", "llc-ipc"}) {
      int chart = PAGE.indexOf("<svg id='" + name + "'");
      assertTrue(chart > PAGE.indexOf("<section id=\"pipeline\">"),
          name + " chart not inlined in the pipeline section");
      assertTrue(FILES.get(name + ".svg").startsWith("<?xml"), name + ".svg missing");
    }
    assertTrue(PAGE.contains("Shared versus private last-level cache, 2 cores"), PAGE);
    assertTrue(PAGE.contains("<td class=\"n\">1.6333</td>"), "weighted speedup, shared");
    assertTrue(PAGE.contains("Not run (no instruction stream): cbp1/fp_1"));
    assertTrue(FILES.get(PipelineJson.FILE_NAME).contains("\"weighted_speedup\""));
    assertTrue(PAGE.contains("<h3>Mispredictions by branch type</h3>"), PAGE);
    assertTrue(PAGE.contains("<th class=\"n\">indirect_call</th>"), PAGE);
    assertTrue(FILES.get(PipelineJson.FILE_NAME).contains("\"mispredictions_by_type\""));
    assertTrue(FILES.get(ReportFiles.SUMMARY).contains("| 0 | traces/alpha.bt9.gz | 0.6667 |"),
        FILES.get(ReportFiles.SUMMARY));
  }

  @Test
  void withoutTheTimingModelThereIsNoPipelineSectionOrFile() {
    Comparison full = SampleComparisons.withHostileNames();
    Map<String, String> files = ReportFiles.of(new Comparison(full.results(), full.baseline(),
        full.hardestBranches(), full.provenance()));
    assertFalse(files.get(ReportFiles.INDEX).contains("id=\"pipeline\""));
    assertFalse(files.get(ReportFiles.INDEX).contains("#pipeline"));
    assertFalse(files.containsKey(PipelineJson.FILE_NAME));
    assertFalse(files.containsKey("cpi-stack.svg"));
  }

  @Test
  void svgIdsAreUniqueWithinThePage() {
    Matcher ids = Pattern.compile("\\bid='([^']+)'").matcher(PAGE);
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (ids.find()) {
      assertTrue(seen.add(ids.group(1)), "duplicate id " + ids.group(1));
    }
    assertTrue(seen.size() > 3);
  }

  @Test
  void pageLoadsNothingFromOutside() {
    assertTrue(PAGE.contains("Content-Security-Policy"));
    assertFalse(Pattern.compile("(src|href)=[\"']?(https?:)?//").matcher(PAGE).find(),
        "page references a network resource");
    assertFalse(PAGE.contains("<link"), "page links an external stylesheet");
  }

  @Test
  void pageShowsSummaryHardestBranchesAndHowToReproduce() {
    assertTrue(PAGE.contains("<td class=\"n\">2.5000</td>"), "gshare's mean MPKI");
    assertTrue(PAGE.contains("+43.33%"), "gshare's reduction: 1 - 8500 / 15000");
    assertTrue(PAGE.contains("0x4005d0"));
    assertTrue(PAGE.contains("0xffff00001234"));
    assertTrue(PAGE.contains("50.0%"), "taken rate of the first hard branch");
    assertTrue(PAGE.contains("No branches listed (--top 0)."));
    assertTrue(PAGE.contains("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    assertTrue(PAGE.contains("./bpsim compare -t &#39;&lt;script&gt;&amp;&quot;&#39;"));
    assertTrue(PAGE.contains("TestOS 1, x86_64, 2 cores, Java 17"));
  }

  @Test
  void markdownSummaryHasOneRowPerPredictorAndEscapesPipes() {
    String md = FILES.get(ReportFiles.SUMMARY);
    assertTrue(md.contains("| `gshare:history=17,index_bits=17,init=2` | 2.5000 |"), md);
    assertEquals(3, md.lines().filter(l -> l.startsWith("| `")).count());
  }

  @Test
  void numbersDoNotDependOnTheDefaultLocale() {
    java.util.Locale previous = java.util.Locale.getDefault();
    Map<String, String> german;
    try {
      // Germany writes 1.234,5: any number formatted in the default locale would change.
      java.util.Locale.setDefault(java.util.Locale.GERMANY);
      german = ReportFiles.of(SampleComparisons.withHostileNames());
    } finally {
      java.util.Locale.setDefault(previous);
    }
    for (String name : FILES.keySet()) {
      assertEquals(FILES.get(name), german.get(name), name + " depends on the default locale");
    }
  }

  @Test
  void renderingTwiceGivesTheSameBytesInEveryFile() {
    Map<String, String> again = ReportFiles.of(SampleComparisons.withHostileNames());
    assertEquals(FILES.keySet(), again.keySet());
    for (String name : FILES.keySet()) {
      assertEquals(FILES.get(name), again.get(name), name + " differs between renderings");
    }
  }
}
