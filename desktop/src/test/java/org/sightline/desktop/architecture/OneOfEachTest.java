package org.sightline.desktop.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.security.MessageDigest;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each of these things is written once, and everything else calls it (issue 10, "one of each"). */
class OneOfEachTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // test fixtures shipped in the modules' test jars (stand-in exports hash like the tools they imitate)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.sightline");
    }

    @Test
    void sha256IsComputedOnlyByTheIntegrityHelper() {
        noClasses().that().resideOutsideOfPackage("org.sightline.models.integrity")
                .should().dependOnClassesThat().areAssignableTo(MessageDigest.class)
                .because("org.sightline.models.integrity.Sha256 is the one SHA-256 helper")
                .check(classes);
    }

    @Test
    void videoIsOpenedWithFfmpegOnlyByTheFootagePackage() {
        DescribedPredicate<JavaConstructorCall> newGrabber = DescribedPredicate.describe("a new FFmpegFrameGrabber",
                call -> call.getTargetOwner().isAssignableTo(FFmpegFrameGrabber.class));
        noClasses().that().resideOutsideOfPackage("org.sightline.indexer.footage")
                .should().callConstructorWhere(newGrabber)
                .because("indexer.footage.VideoOpener opens every video (read-only, one error type)")
                .check(classes);
    }

    @Test
    void theDesktopDecodesThroughTheIndexer() {
        noClasses().that().resideInAPackage("org.sightline.desktop..")
                .should().dependOnClassesThat().resideInAPackage("org.bytedeco..")
                .because("the viewer plays video through indexer.footage.SeekableVideo")
                .check(classes);
    }
}
