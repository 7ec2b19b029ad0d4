package org.sightline.desktop.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one-way module layering (models ← indexer ← desktop) and views kept away from storage and codec internals. */
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
}
