package io.mpreg;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering rules of the core module, checked on its production classes. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importCoreClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.mpreg");
    }

    @Test
    void coreNeverDependsOnSpring() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .because("mpreg-core stays framework-neutral; Spring glue lives in the starter")
                .check(classes);
    }

    @Test
    void nettyStaysInsideTheTransportPackage() {
        noClasses().that().resideOutsideOfPackage("io.mpreg.core.transport..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "reactor.netty..")
                .because("Netty types are the transport's machinery, never part of another package's API")
                .check(classes);
    }

    @Test
    void coreFeaturePackagesHaveNoCycles() {
        slices().matching("io.mpreg.core.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        slices().matching("io.mpreg.(*)..").should().beFreeOfCycles().check(classes);
    }
}
