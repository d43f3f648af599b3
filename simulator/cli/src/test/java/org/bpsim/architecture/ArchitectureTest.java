package org.bpsim.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bpsim.trace.ProjectRoot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency directions of docs/architecture.md, checked over the compiled main classes of
 * every module on this module's test class path (all but the benchmarks, which nothing may depend
 * on: Maven already forbids that, as no module declares them).
 *
 * <p>The layers, top to bottom: commands ({@code org.bpsim.cli}) → jobs ({@code org.bpsim.job},
 * {@code org.bpsim.sweep}) → engines (replay, pipeline, machine, cache) and renderers (report,
 * cache.report, which read the engines' result models) → traces and predictors → the predictor
 * SPI. {@code org.bpsim.error} and {@code org.bpsim.output} serve every layer above the SPI. A
 * layer may skip layers downwards, except that commands reach the engines only through jobs.
 *
 * <p>Each rule is a test of its own, named after the rule, so that a failure says which direction
 * was broken; each also says so in its message. {@link ArchitectureRulesBiteTest} shows every rule
 * failing on classes made to break it.
 */
final class ArchitectureTest {

  static final String COMMANDS = "Commands";
  static final String JOBS = "Jobs";
  static final String ENGINES = "Engines";
  static final String RENDERERS = "Renderers";
  static final String TRACES = "Traces";
  static final String PREDICTORS = "Predictors";
  static final String SPEC = "Spec";
  static final String SPI = "Predictor SPI";
  static final String SHARED = "Errors and outputs";

  private static final String[] ENGINE_PACKAGES = {
    "org.bpsim.replay..", "org.bpsim.pipeline..", "org.bpsim.machine..", "org.bpsim.cache..",
    "org.bpsim.json.."
  };
  private static final String[] RENDERER_PACKAGES = {
    "org.bpsim.report..", "org.bpsim.cache.report.."
  };

  /** The engines; the cache model's renderer lives under its package but is a renderer. */
  private static final DescribedPredicate<JavaClass> ENGINE_CLASSES =
      resideInAnyPackage(ENGINE_PACKAGES).and(not(resideInAnyPackage(RENDERER_PACKAGES)))
          .as("classes of the engines");

  /**
   * What a command may hold of an engine: its value types, the records and enums that jobs take
   * as options and return as results (a command hands a {@code RunResult} from its job to a
   * renderer). Anything else of an engine is the engine's work, which a command leaves to a job.
   */
  private static final DescribedPredicate<JavaClass> ENGINE_VALUE_TYPES =
      ENGINE_CLASSES.and(DescribedPredicate.describe(
              "records, enums or exceptions",
              (JavaClass c) -> c.isRecord() || c.isEnum() || c.isAssignableTo(Throwable.class)))
          .as("the engines' records, enums and exceptions");

  /**
   * The process entry point, not a command: before any command runs it installs the guard that
   * turns a plugin's {@code System.exit} into a failed predictor (replay's {@code PluginExits}),
   * and it ends the process through it.
   */
  private static final DescribedPredicate<JavaClass> ENTRY_POINT = DescribedPredicate.describe(
      "the entry point org.bpsim.cli.Main", (JavaClass c) -> c.getFullName().equals(
          "org.bpsim.cli.Main"));

  private static final DescribedPredicate<JavaClass> PLUGIN_EXIT_GUARD = DescribedPredicate
      .describe("replay's PluginExits", (JavaClass c) -> c.getFullName().equals(
          "org.bpsim.replay.PluginExits"));

  /**
   * Every layer of bpsim, bottom one last. {@code org.bpsim.spec} (the spec grammar shared by
   * predictors and replacement policies) sits below the SPI, whose deprecated SPI 1 members
   * delegate to it. Within a layer, packages may use each other (without cycles).
   */
  static LayeredArchitecture layers() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer(COMMANDS).definedBy("org.bpsim.cli..")
        .layer(JOBS).definedBy("org.bpsim.job..", "org.bpsim.sweep..")
        .layer(ENGINES).definedBy(ENGINE_CLASSES)
        .layer(RENDERERS).definedBy(RENDERER_PACKAGES)
        .layer(TRACES).definedBy("org.bpsim.trace..", "org.bpsim.record..")
        .layer(PREDICTORS).definedBy(resideInAPackage("org.bpsim.predictor..")
            .and(not(resideInAPackage("org.bpsim.predictor.spi.."))))
        .layer(SPEC).definedBy("org.bpsim.spec..")
        .layer(SPI).definedBy("org.bpsim.predictor.spi..")
        .layer(SHARED).definedBy("org.bpsim.error..", "org.bpsim.output..");
  }

  static final ArchRule COMMANDS_REACH_THE_ENGINES_ONLY_THROUGH_JOBS = layers()
      .whereLayer(COMMANDS).mayOnlyAccessLayers(
          JOBS, RENDERERS, TRACES, PREDICTORS, SPEC, SPI, SHARED)
      .ignoreDependency(resideInAPackage("org.bpsim.cli.."), ENGINE_VALUE_TYPES)
      .ignoreDependency(ENTRY_POINT, PLUGIN_EXIT_GUARD)
      .as("Commands reach the engines only through jobs: org.bpsim.cli parses, calls a job and"
          + " picks a renderer; of an engine it may hold only records, enums and exceptions"
          + " (options, results, failures)");

  static final ArchRule JOBS_DO_NOT_USE_COMMANDS = layers()
      .whereLayer(JOBS).mayOnlyAccessLayers(
          ENGINES, RENDERERS, TRACES, PREDICTORS, SPEC, SPI, SHARED)
      .as("Jobs do not use commands: org.bpsim.job and org.bpsim.sweep know no command line");

  static final ArchRule ENGINES_USE_NO_RENDERER_JOB_OR_COMMAND = layers()
      .whereLayer(ENGINES).mayOnlyAccessLayers(TRACES, PREDICTORS, SPEC, SPI, SHARED)
      .as("Engines use no renderer, job or command: replay, pipeline, machine and cache return"
          + " result models and know neither how they are shown nor who asked");

  static final ArchRule RENDERERS_USE_NO_JOB_OR_COMMAND = layers()
      .whereLayer(RENDERERS).mayOnlyAccessLayers(ENGINES, TRACES, PREDICTORS, SPEC, SPI, SHARED)
      .as("Renderers use no job or command: report and cache.report read result models only");

  static final ArchRule TRACES_USE_ONLY_THE_SPI_ERRORS_AND_OUTPUTS = layers()
      .whereLayer(TRACES).mayOnlyAccessLayers(SPI, SHARED)
      .as("Traces use only the predictor SPI (its BranchKind), errors and outputs: no engine,"
          + " predictor or anything above");

  static final ArchRule PREDICTORS_USE_ONLY_THE_SPEC_THE_SPI_AND_ERRORS = layers()
      .whereLayer(PREDICTORS).mayOnlyAccessLayers(SPEC, SPI, SHARED)
      .as("Predictors use only the spec grammar, the predictor SPI, errors and outputs: no trace,"
          + " engine or anything above");

  static final ArchRule SPEC_USES_ONLY_THE_SPI_AND_ERRORS = layers()
      .whereLayer(SPEC).mayNotAccessAnyLayer()
      .as("The spec grammar uses only the JDK: predictors, replacement policies and the SPI's"
          + " deprecated members all parse through it");

  static final ArchRule ERRORS_AND_OUTPUTS_USE_NOTHING_OF_BPSIM = layers()
      .whereLayer(SHARED).mayNotAccessAnyLayer()
      .as("Errors and outputs use nothing else of bpsim: every layer above the SPI may use them");

  static final ArchRule PREDICTOR_SPI_DEPENDS_ONLY_ON_THE_JDK = classes()
      .that().resideInAPackage("org.bpsim.predictor.spi..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.bpsim.predictor.spi..",
          "org.bpsim.spec..")
      .as("The predictor SPI depends only on the JDK and the spec grammar (which SPI 1's"
          + " deprecated members and the canonical spec's quoting delegate to): a plugin needs"
          + " nothing else");

  /**
   * The one known exception, written down rather than hidden: {@code TraceFormat}'s constants
   * (and {@code TraceOpener}, which asks them) open each format's reader, while each reader names
   * its own constant. Moving the opening into a package above the formats would end it.
   */
  private static final DescribedPredicate<JavaClass> FORMAT_OPENING = DescribedPredicate.describe(
      "trace.TraceFormat and trace.TraceOpener", (JavaClass c) -> {
        // The classes themselves and their nested classes (an enum's constant bodies), never a
        // neighbour whose name merely starts the same (TraceFormatException).
        String name = c.getFullName();
        return name.equals("org.bpsim.trace.TraceFormat")
            || name.equals("org.bpsim.trace.TraceOpener")
            || name.startsWith("org.bpsim.trace.TraceFormat$")
            || name.startsWith("org.bpsim.trace.TraceOpener$");
      });

  static final ArchRule NO_CYCLES_BETWEEN_PACKAGES = slices()
      .matching("org.bpsim.(**)")
      .should().beFreeOfCycles()
      .ignoreDependency(FORMAT_OPENING, resideInAPackage("org.bpsim.trace.*.."))
      .as("No cycles between packages: every package of org.bpsim can be understood from the ones"
          + " it uses (but for the trace formats' opening, see FORMAT_OPENING)");

  static final ArchRule EVERY_PACKAGE_IS_IN_A_LAYER = layers()
      .ensureAllClassesAreContainedInArchitecture()
      .as("Every package is in a layer: a new package is placed in ArchitectureTest.layers() and"
          + " docs/architecture.md");

  private static JavaClasses mainClasses;

  @BeforeAll
  static void importMainClasses() {
    mainClasses = new ClassFileImporter().withImportOption(new MainClassesOnly())
        .importPackages("org.bpsim");
    // The rules would pass vacuously over a class path that lost a module, or judge test code.
    for (String module : new String[] {"org.bpsim.predictor.spi", "org.bpsim.trace",
        "org.bpsim.record", "org.bpsim.predictor.registry", "org.bpsim.error", "org.bpsim.output",
        "org.bpsim.replay", "org.bpsim.pipeline", "org.bpsim.cache", "org.bpsim.report",
        "org.bpsim.cli"}) {
      assertTrue(mainClasses.containPackage(module), () -> module + " was not imported");
    }
    assertFalse(mainClasses.contain(ArchitectureTest.class), "test classes were imported");
  }

  @Test
  void commandsReachTheEnginesOnlyThroughJobs() {
    COMMANDS_REACH_THE_ENGINES_ONLY_THROUGH_JOBS.check(mainClasses);
  }

  @Test
  void jobsDoNotUseCommands() {
    JOBS_DO_NOT_USE_COMMANDS.check(mainClasses);
  }

  @Test
  void enginesUseNoRendererJobOrCommand() {
    ENGINES_USE_NO_RENDERER_JOB_OR_COMMAND.check(mainClasses);
  }

  @Test
  void renderersUseNoJobOrCommand() {
    RENDERERS_USE_NO_JOB_OR_COMMAND.check(mainClasses);
  }

  @Test
  void tracesUseOnlyTheSpiErrorsAndOutputs() {
    TRACES_USE_ONLY_THE_SPI_ERRORS_AND_OUTPUTS.check(mainClasses);
  }

  @Test
  void predictorsUseOnlyTheSpecTheSpiAndErrors() {
    PREDICTORS_USE_ONLY_THE_SPEC_THE_SPI_AND_ERRORS.check(mainClasses);
  }

  @Test
  void specUsesOnlyTheSpiAndErrors() {
    SPEC_USES_ONLY_THE_SPI_AND_ERRORS.check(mainClasses);
  }

  @Test
  void errorsAndOutputsUseNothingOfBpsim() {
    ERRORS_AND_OUTPUTS_USE_NOTHING_OF_BPSIM.check(mainClasses);
  }

  @Test
  void predictorSpiDependsOnlyOnTheJdk() {
    PREDICTOR_SPI_DEPENDS_ONLY_ON_THE_JDK.check(mainClasses);
  }

  @Test
  void noCyclesBetweenPackages() {
    NO_CYCLES_BETWEEN_PACKAGES.check(mainClasses);
  }

  @Test
  void everyPackageIsInALayer() {
    EVERY_PACKAGE_IS_IN_A_LAYER.check(mainClasses);
  }

  /**
   * Every main source folder with Java files has a {@code package-info.java} that says, on a line
   * of its own starting "May use:", which packages it may use: the rules above are the checked
   * half of those lines.
   */
  @Test
  void everyPackageSaysWhatItMayUse() throws IOException {
    Path root = ProjectRoot.folder();
    List<String> missing = new ArrayList<>();
    List<Path> folders;
    try (Stream<Path> walk = Files.walk(root)) {
      folders = walk.filter(p -> p.getFileName().toString().endsWith(".java"))
          .map(Path::getParent)
          .filter(folder -> folder.toString().replace('\\', '/').contains("/src/main/java/"))
          .filter(folder -> {
            for (Path part : root.relativize(folder)) {
              if (part.toString().equals("target") || part.toString().startsWith(".")) {
                return false;
              }
            }
            return true;
          })
          .distinct().sorted().toList();
    }
    for (Path folder : folders) {
      Path info = folder.resolve("package-info.java");
      if (!Files.isRegularFile(info)) {
        missing.add(root.relativize(folder) + ": no package-info.java");
      } else if (!Pattern.compile("^ \\* (<p>)?May use:", Pattern.MULTILINE)
          .matcher(Files.readString(info)).find()) {
        missing.add(root.relativize(info) + ": no \"May use:\" paragraph");
      }
    }
    assertTrue(folders.size() > 30,
        () -> "found only " + folders.size() + " packages under " + root);
    assertTrue(missing.isEmpty(), () -> "Every package says what it may use:\n"
        + String.join("\n", missing));
  }

  /**
   * Main classes only: neither this module's test classes nor the test jars of the modules it
   * tests with (whose fixtures may break the rules on purpose).
   */
  static final class MainClassesOnly implements ImportOption {
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

    @Override
    public boolean includes(Location location) {
      return !location.contains("/test-classes/") && !location.matches(TEST_JAR);
    }
  }
}
