package org.bpsim.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Shows that each rule of {@link ArchitectureTest} fails when it should: the rules are evaluated
 * on the main classes plus the test-only classes of the {@code archfixture} packages, each placed
 * in a package whose rule it breaks, and each rule must name its fixture and the dependency that
 * breaks it. A rule that reported nothing here would pass whatever the code did.
 */
final class ArchitectureRulesBiteTest {

  private static JavaClasses withFixtures;

  @BeforeAll
  static void importMainClassesAndFixtures() {
    ImportOption main = new ArchitectureTest.MainClassesOnly();
    withFixtures = new ClassFileImporter()
        .withImportOption(location -> main.includes(location) || location.contains("/archfixture/"))
        .importPackages("org.bpsim");
    assertTrue(withFixtures.contain("org.bpsim.archfixture.ping.Ping"),
        "the fixtures were not imported");
  }

  @Test
  void commandCallingAnEngineIsReported() {
    assertReports(ArchitectureTest.COMMANDS_REACH_THE_ENGINES_ONLY_THROUGH_JOBS,
        "org.bpsim.cli.archfixture.CommandReplayingItself", "org.bpsim.replay.Replay.replay");
  }

  @Test
  void commandHoldingAnEngineRecordIsNotReported() {
    List<String> details = details(ArchitectureTest.COMMANDS_REACH_THE_ENGINES_ONLY_THROUGH_JOBS);
    assertFalse(details.stream().anyMatch(d -> d.contains("CommandReadingAResult")),
        () -> "a command reading a RunResult was reported:\n" + String.join("\n", details));
  }

  @Test
  void jobCallingTheCommandLineIsReported() {
    assertReports(ArchitectureTest.JOBS_DO_NOT_USE_COMMANDS,
        "org.bpsim.sweep.archfixture.JobStartingTheCommandLine", "org.bpsim.cli.Main");
  }

  @Test
  void engineUsingARendererIsReported() {
    assertReports(ArchitectureTest.ENGINES_USE_NO_RENDERER_JOB_OR_COMMAND,
        "org.bpsim.replay.archfixture.ReplayBuildingAComparison", "org.bpsim.report.Comparison");
  }

  @Test
  void rendererUsingAJobIsReported() {
    assertReports(ArchitectureTest.RENDERERS_USE_NO_JOB_OR_COMMAND,
        "org.bpsim.report.archfixture.RendererReadingASweepSpec", "org.bpsim.sweep.SweepSpec");
  }

  @Test
  void traceUsingAnEngineIsReported() {
    assertReports(ArchitectureTest.TRACES_USE_ONLY_THE_SPI_ERRORS_AND_OUTPUTS,
        "org.bpsim.trace.archfixture.TraceReadingARunResult", "org.bpsim.replay.RunResult");
  }

  @Test
  void predictorUsingATraceIsReported() {
    assertReports(ArchitectureTest.PREDICTORS_USE_ONLY_THE_SPEC_THE_SPI_AND_ERRORS,
        "org.bpsim.predictor.archfixture.PredictorReadingABatch", "org.bpsim.trace.BranchBatch");
  }

  @Test
  void specUsingATraceIsReported() {
    assertReports(ArchitectureTest.SPEC_USES_ONLY_THE_SPI_AND_ERRORS,
        "org.bpsim.spec.archfixture.SpecReadingABatch", "org.bpsim.trace.BranchBatch");
  }

  @Test
  void outputUsingTheSpiIsReported() {
    assertReports(ArchitectureTest.ERRORS_AND_OUTPUTS_USE_NOTHING_OF_BPSIM,
        "org.bpsim.output.archfixture.OutputNamingABranchKind",
        "org.bpsim.predictor.spi.BranchKind");
  }

  @Test
  void spiUsingALibraryOrBpsimIsReported() {
    ArchRule rule = ArchitectureTest.PREDICTOR_SPI_DEPENDS_ONLY_ON_THE_JDK;
    String fixture = "org.bpsim.predictor.spi.archfixture.SpiUsingALibraryAndUserException";
    assertReports(rule, fixture, "picocli.CommandLine");
    assertReports(rule, fixture, "org.bpsim.error.UserException");
  }

  @Test
  void cycleBetweenPackagesIsReported() {
    assertReports(ArchitectureTest.NO_CYCLES_BETWEEN_PACKAGES,
        "org.bpsim.archfixture.ping.Ping", "org.bpsim.archfixture.pong.Pong");
  }

  @Test
  void packageInNoLayerIsReported() {
    assertReports(ArchitectureTest.EVERY_PACKAGE_IS_IN_A_LAYER,
        "org.bpsim.archfixture.ping.Ping", "is not contained in architecture");
  }

  private static void assertReports(ArchRule rule, String fixture, String dependency) {
    List<String> details = details(rule);
    assertTrue(details.stream().anyMatch(d -> d.contains(fixture) && d.contains(dependency)),
        () -> "'" + rule.getDescription() + "' did not report " + fixture + " -> " + dependency
            + "; it reported:\n" + String.join("\n", details));
  }

  private static List<String> details(ArchRule rule) {
    return rule.evaluate(withFixtures).getFailureReport().getDetails();
  }
}
