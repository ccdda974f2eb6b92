package app.cairn.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import app.cairn.CairnApplication;

/** Features talk only through each other's top-level public types; views see no JWT and no SQL. */
class ModuleBoundariesTest {

    private static final JavaClasses CAIRN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("app.cairn");

    @Test
    void features_respect_each_others_boundaries() {
        ApplicationModules.of(CairnApplication.class).verify();
    }

    @Test
    void views_never_touch_tokens_or_the_database() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAnyPackage("com.nimbusds..", "org.jooq..", "cairn.schema..",
                        "java.sql..", "app.cairn.lti..")
                .check(CAIRN);
    }

    @Test
    void only_the_lti_feature_handles_tokens() {
        noClasses().that().resideOutsideOfPackages("app.cairn.lti..", "app.cairn.demo..")
                .should().dependOnClassesThat().resideInAnyPackage("com.nimbusds..")
                .check(CAIRN);
    }
}
