package procbook.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The harness's layering, checked on its compiled classes. */
@AnalyzeClasses(packages = "procbook", importOptions = ImportOption.DoNotIncludeTests.class)
class HarnessArchitectureTest {
    @ArchTest
    static final ArchRule mpDependsOnTheJdkOnly = classes().that().resideInAPackage("procbook.mp..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("procbook.mp..", "java..", "sun.misc..", "")
            .because("mp is the library students import: it must work with nothing but a JDK");

    @ArchTest
    static final ArchRule kitNeverDependsOnLessons = noClasses().that().resideInAnyPackage("procbook.testkit..", "procbook.grading..")
            .should().dependOnClassesThat().resideInAPackage("procbook.lesson*..")
            .because("the kit serves every lesson and the student edition has no solutions: it may know lessons only by name, at run time");

    @ArchTest
    static final ArchRule mpKnowsNothingOfTheKit = noClasses().that().resideInAPackage("procbook.mp..")
            .should().dependOnClassesThat().resideInAnyPackage("procbook.testkit..", "procbook.grading..")
            .because("mp records a trace through a file and an environment variable; it never calls the kit");
}
