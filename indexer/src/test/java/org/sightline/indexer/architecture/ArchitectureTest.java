package org.sightline.indexer.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.architecture.violation.cycle.CycleStart;
import org.sightline.indexer.architecture.violation.other.CycleEnd;
import org.sightline.indexer.architecture.violation.other.PrintingService;
import org.sightline.indexer.architecture.violation.other.StorageBypass;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.index.SegmentIndex;

/**
 * The indexer's layering (see docs/architecture.md): no package cycles; the command line at the edge; the entry
 * points (command line, benchmarks) work through the application layer, which alone (with the services below it)
 * touches the catalog, the vector index and the audit log; only the command line prints.
 */
class ArchitectureTest {
    private static final String APP = "org.sightline.indexer.app..";
    private static final String CLI = "org.sightline.indexer.cli..";
    private static final String BENCH = "org.sightline.indexer.bench..";

    /** Every package its own slice, so a cycle between any two packages fails. */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.sightline.(**)").should().beFreeOfCycles()
            .because("layers point one way: cli → app → services (ingest, search, cases, export) → storage");

    static final ArchRule COMMAND_LINE_AT_THE_EDGE = noClasses().that().resideOutsideOfPackage(CLI)
            .should().dependOnClassesThat().resideInAPackage(CLI)
            .because("the command line is an entry point: only its own classes (and the desktop's Main) reach it");

    static final ArchRule ONLY_ENTRY_POINTS_USE_THE_APPLICATION_LAYER = noClasses()
            .that().resideOutsideOfPackages(APP, CLI, BENCH)
            .should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(APP)
                    .and(not(equivalentTo(DataDirectory.class))))
            .because("the application layer sits above the services; only entry points call it"
                    + " (DataDirectory is a plain value every layer may name)");

    static final ArchRule STORAGE_ONLY_BELOW_THE_APPLICATION_LAYER = noClasses()
            .that().resideOutsideOfPackages(APP, "org.sightline.indexer.catalog..", "org.sightline.indexer.index..",
                    "org.sightline.indexer.audit..", "org.sightline.indexer.ingest..", "org.sightline.indexer.search..",
                    "org.sightline.indexer.cases..", "org.sightline.indexer.export..", "org.sightline.indexer.signing..")
            .should().dependOnClassesThat(belongToAnyOf(Catalog.class, SegmentIndex.class, org.sightline.indexer.index.IndexStore.class, AuditLog.class))
            .because("entry points reach the catalog, the index and the audit log only through the application layer");

    static final ArchRule APPLICATION_LAYER_HANDS_OUT_NO_STORAGE = noMethods()
            .that().areDeclaredInClassesThat().resideInAPackage(APP).and().arePublic()
            .should().haveRawReturnType(Catalog.class)
            .orShould().haveRawReturnType(SegmentIndex.class)
            .orShould().haveRawReturnType(org.sightline.indexer.index.IndexStore.class)
            .orShould().haveRawReturnType(AuditLog.class)
            .because("no public accessor hands out the catalog, the index or the audit log");

    static final ArchRule ONLY_THE_COMMAND_LINE_PRINTS = noClasses().that().resideOutsideOfPackage(CLI)
            .should(ACCESS_STANDARD_STREAMS)
            .because("library code reports through return values, exceptions and listeners");

    private static JavaClasses indexer;

    @BeforeAll
    static void importClasses() {
        indexer = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sightline.indexer");
    }

    @Test
    void noPackageCycles() {
        NO_PACKAGE_CYCLES.check(indexer);
    }

    @Test
    void theCommandLineIsReachedOnlyFromItself() {
        COMMAND_LINE_AT_THE_EDGE.check(indexer);
    }

    @Test
    void onlyEntryPointsUseTheApplicationLayer() {
        ONLY_ENTRY_POINTS_USE_THE_APPLICATION_LAYER.check(indexer);
    }

    @Test
    void storageIsReachedOnlyThroughTheApplicationLayer() {
        STORAGE_ONLY_BELOW_THE_APPLICATION_LAYER.check(indexer);
        APPLICATION_LAYER_HANDS_OUT_NO_STORAGE.check(indexer);
    }

    @Test
    void onlyTheCommandLinePrints() {
        ONLY_THE_COMMAND_LINE_PRINTS.check(indexer);
    }

    /** The rules do fail: each deliberate violation in the test sources is caught. */
    @Test
    void theRulesCatchDeliberateViolations() {
        JavaClasses violations = new ClassFileImporter()
                .importClasses(CycleStart.class, CycleEnd.class, PrintingService.class, StorageBypass.class);
        assertTrue(NO_PACKAGE_CYCLES.evaluate(violations).hasViolation(), "a cycle between two packages");
        assertTrue(ONLY_THE_COMMAND_LINE_PRINTS.evaluate(violations).hasViolation(), "System.out outside the command line");
        assertTrue(STORAGE_ONLY_BELOW_THE_APPLICATION_LAYER.evaluate(violations).hasViolation(), "the catalog used directly");
    }
}
