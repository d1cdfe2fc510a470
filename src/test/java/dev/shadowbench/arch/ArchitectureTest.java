package dev.shadowbench.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layer rules of STYLE.md: one computation in core, many faces on top. */
@AnalyzeClasses(packages = "dev.shadowbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreKnowsNoJavaFx = noClasses().that().resideInAPackage("dev.shadowbench.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.shadowbench.ui..", "dev.shadowbench.cli..")
            .because("core is shared by the command line, the reports and the screens");

    @ArchTest
    static final ArchRule uiUsesNoSql = noClasses().that().resideInAPackage("dev.shadowbench.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.duckdb..")
            .because("screens show figures computed in core; SQL lives there");

    @ArchTest
    static final ArchRule cliDoesNotUseUi = noClasses().that().resideInAPackage("dev.shadowbench.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.shadowbench.ui..");
}
