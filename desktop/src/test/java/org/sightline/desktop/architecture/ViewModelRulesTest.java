package org.sightline.desktop.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.desktop.task.FxTaskExecutor;

/** What keeps the view-models unit-testable with the synchronous executor and fake services. */
class ViewModelRulesTest {
    private static JavaClasses desktop;

    @BeforeAll
    static void importClasses() {
        // the rules match classes by name and by the desktop's own types: no need to import what they depend on
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        try {
            desktop = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.sightline.desktop");
        } finally {
            ArchConfiguration.get().reset();
        }
    }

    @Test
    void viewModelsLeaveThreadsToTheTaskExecutor() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().callMethod(Platform.class, "runLater", Runnable.class)
                .orShould().dependOnClassesThat().resideInAPackage("javafx.concurrent..")
                .orShould().dependOnClassesThat().areAssignableTo(FxTaskExecutor.class)
                .because("work reports through TaskContext.onUiThread, so tests can run it synchronously")
                .check(desktop);
    }

    @Test
    void onlyTheApplicationChoosesTheThreadPool() {
        noClasses().that().doNotHaveFullyQualifiedName("org.sightline.desktop.SightlineApp")
                .and().resideOutsideOfPackage("org.sightline.desktop.task")
                .should().dependOnClassesThat().areAssignableTo(FxTaskExecutor.class)
                .because("everything else takes a TaskExecutor at construction")
                .check(desktop);
    }
}
