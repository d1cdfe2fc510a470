package dev.shadowbench.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;

/**
 * The architecture rules of design.md, all in one place: the layers (core knows no JavaFX, screens no SQL),
 * no package cycles inside core and inside ui, no console output from core, and no text whose form
 * depends on the user's locale (a Turkish default turns "SUSPICIOUS".toLowerCase() into "suspıcıous").
 */
@AnalyzeClasses(packages = "dev.shadowbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    // ---- layers -------------------------------------------------------------------------------------

    @ArchTest
    static final ArchRule coreKnowsNoJavaFx = noClasses()
            .that()
            .resideInAPackage("dev.shadowbench.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "dev.shadowbench.ui..", "dev.shadowbench.cli..")
            .because("core is shared by the command line, the reports and the screens");

    @ArchTest
    static final ArchRule uiUsesNoSql = noClasses()
            .that()
            .resideInAPackage("dev.shadowbench.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "org.duckdb..")
            .because("screens show figures computed in core; SQL lives there");

    @ArchTest
    static final ArchRule cliDoesNotUseUi = noClasses()
            .that()
            .resideInAPackage("dev.shadowbench.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "dev.shadowbench.ui..");

    @ArchTest
    static final ArchRule corePackagesFormNoCycles = slices().matching("dev.shadowbench.(core).(*)..")
            .should()
            .beFreeOfCycles()
            .because("a feature package of core builds on lower ones; a cycle means a type sits in the wrong package");

    @ArchTest
    static final ArchRule screenPackagesFormNoCycles = slices().matching("dev.shadowbench.(ui).(*)..")
            .should()
            .beFreeOfCycles()
            .because(
                    "the main window hosts the screens; a screen reaches the window only through an interface it is given");

    // ---- no console output from core (the CLI prints, core returns values, throws or logs) -----------

    @ArchTest
    static final ArchRule coreDoesNotWriteToStdout = noClasses()
            .that()
            .resideInAPackage("dev.shadowbench.core..")
            .should()
            .accessField(System.class, "out")
            .because("the CLI prints; core returns values, throws typed exceptions or logs through SLF4J");

    @ArchTest
    static final ArchRule coreDoesNotWriteToStderr = noClasses()
            .that()
            .resideInAPackage("dev.shadowbench.core..")
            .should()
            .accessField(System.class, "err")
            .because("a message on stderr is lost for a desktop user: log it through SLF4J or throw");

    @ArchTest
    static final ArchRule coreDoesNotPrintStackTraces = noClasses()
            .that()
            .resideInAPackage("dev.shadowbench.core..")
            .should()
            .callMethod(Throwable.class, "printStackTrace")
            .because("a stack trace belongs in the log file");

    // ---- locale-proof text ---------------------------------------------------------------------------

    private static final String LOCALE_ROOT =
            "the default locale changes the text (dotless i under Turkish, decimal comma "
                    + "under German): pass Locale.ROOT, or a locale chosen on purpose";

    @ArchTest
    static final ArchRule noDefaultLocaleLowerCase =
            noClasses().should().callMethod(String.class, "toLowerCase").because(LOCALE_ROOT);

    @ArchTest
    static final ArchRule noDefaultLocaleUpperCase =
            noClasses().should().callMethod(String.class, "toUpperCase").because(LOCALE_ROOT);

    @ArchTest
    static final ArchRule noDefaultLocaleFormat = noClasses()
            .should()
            .callMethod(String.class, "format", String.class, Object[].class)
            .orShould()
            .callMethod(String.class, "formatted", Object[].class)
            .because(LOCALE_ROOT + "; String.format(Locale.ROOT, ...)");

    @ArchTest
    static final ArchRule noDefaultLocalePrintf = noClasses()
            .should()
            .callMethod(PrintStream.class, "printf", String.class, Object[].class)
            .orShould()
            .callMethod(PrintStream.class, "format", String.class, Object[].class)
            .orShould()
            .callMethod(PrintWriter.class, "printf", String.class, Object[].class)
            .orShould()
            .callMethod(PrintWriter.class, "format", String.class, Object[].class)
            .because(LOCALE_ROOT + "; printf(Locale.ROOT, ...)");

    @ArchTest
    static final ArchRule noDefaultLocaleNumberFormats = noClasses()
            .should()
            .callConstructor(DecimalFormat.class)
            .orShould()
            .callConstructor(DecimalFormat.class, String.class)
            .orShould()
            .callMethod(NumberFormat.class, "getInstance")
            .orShould()
            .callMethod(NumberFormat.class, "getNumberInstance")
            .orShould()
            .callMethod(NumberFormat.class, "getPercentInstance")
            .orShould()
            .callMethod(NumberFormat.class, "getIntegerInstance")
            .because(LOCALE_ROOT);

    @ArchTest
    static final ArchRule noDefaultLocaleDatePatterns = noClasses()
            .should()
            .callMethod(DateTimeFormatter.class, "ofPattern", String.class)
            .because(LOCALE_ROOT + "; DateTimeFormatter.ofPattern(pattern, Locale.ROOT)");
}
