package org.sightline.desktop.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.desktop.Main;
import org.sightline.indexer.app.DataDirectory;
import org.sightline.indexer.audit.AuditLog;
import org.sightline.indexer.catalog.Catalog;
import org.sightline.indexer.index.SegmentIndex;
import org.sightline.indexer.search.Clip;
import org.sightline.indexer.search.SearchQuery;

/**
 * The desktop's architecture (see docs/architecture.md): the one-way module layering (models ← indexer ← desktop),
 * no package cycles, the indexer reached through its application layer from {@code desktop.services} only, views
 * kept away from indexer and models types, storage and codec internals, and no printing.
 */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sightline");
    }

    @Test
    void viewsAndViewModelsNeverTouchStorageOrCodecInternals() {
        noClasses().that().resideInAPackage("org.sightline.desktop..")
                .and().haveSimpleNameEndingWith("View").or().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.apache.lucene..", "org.sqlite..", "java.sql..", "org.jdbi..", "org.bytedeco..")
                .because("views bind to view-models and view-models call the indexer's services")
                .check(classes);
    }

    @Test
    void theDesktopNeverWritesVideo() {
        noClasses().that().resideInAPackage("org.sightline.desktop..")
                .should().dependOnClassesThat().haveNameMatching("org\\.bytedeco\\.javacv\\..*Recorder.*")
                .because("footage is opened read-only; the desktop only decodes")
                .check(classes);
    }

    @Test
    void theDesktopNeverTalksToLuceneOrSqliteDirectly() {
        noClasses().that().resideInAPackage("org.sightline.desktop..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.lucene..", "org.sqlite..", "java.sql..", "org.jdbi..")
                .check(classes);
    }

    @Test
    void modelsAndIndexerNeverDependOnTheDesktopOrJavaFx() {
        noClasses().that().resideInAnyPackage("org.sightline.models..", "org.sightline.indexer..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sightline.desktop..", "javafx..")
                .check(classes);
    }

    @Test
    void modelsNeverDependOnTheIndexer() {
        noClasses().that().resideInAPackage("org.sightline.models..")
                .should().dependOnClassesThat().resideInAPackage("org.sightline.indexer..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.sightline.(**)").should().beFreeOfCycles()
                .check(classes.that(resideInAPackage("org.sightline.desktop..")));
    }

    @Test
    void theCommandLineIsReachedOnlyFromMain() {
        noClasses().that().resideInAPackage("org.sightline.desktop..").and().doNotBelongToAnyOf(Main.class)
                .should().dependOnClassesThat().resideInAPackage("org.sightline.indexer.cli..")
                .because("Main is the one entry point that hands arguments to the command line")
                .check(classes);
    }

    @Test
    void onlyTheServicesUseTheApplicationLayer() {
        noClasses().that().resideInAPackage("org.sightline.desktop..")
                .and().resideOutsideOfPackage("org.sightline.desktop.services..")
                .should().dependOnClassesThat(resideInAPackage("org.sightline.indexer.app..")
                        .and(not(equivalentTo(DataDirectory.class))))
                .because("pages see the indexer through the narrow interfaces desktop.services implements"
                        + " (DataDirectory is a plain value)")
                .check(classes);
    }

    @Test
    void theDesktopNeverTouchesTheCatalogIndexOrAuditLog() {
        noClasses().that().resideInAPackage("org.sightline.desktop..")
                .should().dependOnClassesThat(belongToAnyOf(Catalog.class, SegmentIndex.class, AuditLog.class))
                .because("storage is reached only through the indexer's application layer")
                .check(classes);
    }

    /**
     * Views never use indexer or models types. Known exceptions, kept until the search page gets its own row
     * types: the search result clip ({@link Clip}) and the sort order ({@link SearchQuery.SortOrder}).
     */
    @Test
    void viewsNeverImportIndexerOrModelsTypes() {
        noClasses().that().resideInAPackage("org.sightline.desktop..").and().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat(resideInAnyPackage("org.sightline.indexer..", "org.sightline.models..")
                        .and(not(belongToAnyOf(Clip.class)))
                        .and(not(equivalentTo(SearchQuery.SortOrder.class))))
                .because("views bind to view-models")
                .check(classes);
    }

    @Test
    void theDesktopNeverPrints() {
        noClasses().that().resideInAPackage("org.sightline.desktop..")
                .should(ACCESS_STANDARD_STREAMS)
                .because("the desktop shows problems in its pages; only the command line prints")
                .check(classes);
    }
}
