package org.sightline.models.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The models module's layering (see docs/architecture.md): {@code pack} (manifest, verification, import) at the
 * bottom; {@code runtime} and {@code generate} on it; {@code store} (the installed packs, opening the active model,
 * installing the demo) on all three; no cycles; no printing.
 */
class ArchitectureTest {
    private static JavaClasses models;

    @BeforeAll
    static void importClasses() {
        models = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sightline.models");
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.sightline.(**)").should().beFreeOfCycles().check(models);
    }

    @Test
    void packsKnowNothingOfRuntimesGeneratorsOrTheStore() {
        noClasses().that().resideInAPackage("org.sightline.models.pack..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sightline.models.runtime..",
                        "org.sightline.models.generate..", "org.sightline.models.store..")
                .because("a pack is a verified folder; what opens or makes one builds on it")
                .check(models);
    }

    @Test
    void onlyTheStoreBringsRuntimeAndGeneratorTogether() {
        noClasses().that().resideInAnyPackage("org.sightline.models.runtime..", "org.sightline.models.generate..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sightline.models.store..")
                .check(models);
    }

    @Test
    void nothingPrints() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
                .because("the models module is library code; the command line in the indexer prints")
                .check(models);
    }
}
