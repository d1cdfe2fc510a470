package dev.shadowbench.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layer rules of STYLE.md for the decisions area: decide/report know no JavaFX, their screens no SQL. */
class DecisionsLayersTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.shadowbench");

    @Test
    void decideAndReportDoNotUseJavaFx() {
        noClasses().that().resideInAnyPackage("dev.shadowbench.core.decide..", "dev.shadowbench.core.report..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..").check(CLASSES);
    }

    @Test
    void decisionsAndLifecycleScreensDoNotUseSql() {
        noClasses().that().resideInAnyPackage("dev.shadowbench.ui.decisions..", "dev.shadowbench.ui.lifecycle..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..").check(CLASSES);
    }
}
