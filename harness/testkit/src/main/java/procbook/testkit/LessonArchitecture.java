package procbook.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules every lesson's code keeps, checked before each scenario starts — so a solution that
 * breaks them fails every test with the reason, whatever else it does.
 */
public final class LessonArchitecture {
    /** Lessons are about processes: a thread or an executor posing as one would prove nothing. */
    public static final ArchRule PROCESSES_COME_FROM_MP = noClasses()
            .should().beAssignableTo(Thread.class)
            .orShould().callConstructorWhere(JavaCall.Predicates.target(HasOwner.Predicates.With.owner(JavaClass.Predicates.assignableTo(Thread.class))))
            .orShould().callMethod(Thread.class, "start")
            .orShould().dependOnClassesThat().areAssignableTo(java.util.concurrent.Executor.class)
            .orShould().dependOnClassesThat().areAssignableTo(java.util.concurrent.CompletableFuture.class)
            .orShould().dependOnClassesThat().areAssignableTo(java.util.concurrent.ForkJoinTask.class)
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
            .because("a lesson is about processes: every procbook.mp.Process is a JVM of its own, with its own memory."
                    + " A Thread or an executor shares the memory of the process it runs in, so it would pose as a process and prove nothing."
                    + " Create processes with new Process(...) and start()  (Thread.sleep is fine)")
            .allowEmptyShould(true);

    /** Lesson code uses mp and the JDK, nothing else: what a student needs is in the lesson. */
    public static final ArchRule ONLY_MP_AND_JDK = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("procbook.mp..", "procbook.lesson*..", "java..", "")
            .because("a lesson's code may use procbook.mp and the JDK only")
            .allowEmptyShould(true);

    private static final Map<String, String> VERDICTS = new ConcurrentHashMap<>();

    private LessonArchitecture() {
    }

    /** Checks the main code of {@code mainClass}'s package; fails with the rule's teaching message. */
    static void check(Class<?> mainClass) {
        // keyed by where the classes come from too: the self-check loads several variants of one package
        String where = String.valueOf(mainClass.getProtectionDomain().getCodeSource().getLocation());
        String verdict = VERDICTS.computeIfAbsent(where + "!" + mainClass.getPackageName(), key -> evaluate(mainClass, mainClass.getPackageName()));
        if (!verdict.isEmpty()) {
            throw new AssertionError(verdict);
        }
    }

    private static String evaluate(Class<?> mainClass, String pkg) {
        if (!pkg.startsWith("procbook.lesson")) {
            return ""; // the kit's own test scenarios are not lessons
        }
        // Only where the lesson's classes live (its target/classes): scanning the whole class path takes seconds.
        java.net.URL where = mainClass.getProtectionDomain().getCodeSource().getLocation();
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importUrl(where)
                .that(com.tngtech.archunit.base.DescribedPredicate.describe("in " + pkg, c -> c.getPackageName().equals(pkg)));
        StringBuilder out = new StringBuilder();
        for (ArchRule rule : new ArchRule[] {PROCESSES_COME_FROM_MP, ONLY_MP_AND_JDK}) {
            EvaluationResult result = rule.evaluate(classes);
            if (result.hasViolation()) {
                out.append(result.getFailureReport().toString()).append('\n');
            }
        }
        return out.toString();
    }
}
