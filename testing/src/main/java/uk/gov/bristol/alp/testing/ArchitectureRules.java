package uk.gov.bristol.alp.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The shape every service keeps ({@code docs/architecture.md}), checked on its compiled classes: packages free of
 * cycles; {@code service} and {@code domain} never depend on {@code messaging} (they announce through a port that a
 * messaging publisher implements); only {@code messaging} publishers write to the outbox; {@code contract} records
 * depend on no use case, resource or messaging class. Each service's {@code ArchitectureTest} runs these.
 */
public final class ArchitectureRules {
    private static final String OUTBOX = "uk.gov.bristol.alp.platform.outbox.Outbox";

    private ArchitectureRules() {}

    /** The service's production classes under {@code basePackage}, for example {@code uk.gov.bristol.alp.placement}. */
    public static JavaClasses of(String basePackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    public static List<ArchRule> rules(String basePackage) {
        return List.of(
                slices().matching(basePackage + ".(*)..")
                        .namingSlices("package $1")
                        .should()
                        .beFreeOfCycles()
                        .as("no import cycle between the packages of " + basePackage),
                noClasses()
                        .that()
                        .resideInAnyPackage(basePackage + ".service..", basePackage + ".domain..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(basePackage + ".messaging..")
                        .as("service and domain never depend on messaging"),
                noClasses()
                        .that()
                        .resideOutsideOfPackage(basePackage + ".messaging..")
                        .should()
                        .dependOnClassesThat()
                        .haveFullyQualifiedName(OUTBOX)
                        .as("only messaging publishers call the outbox"),
                noClasses()
                        .that()
                        .resideInAPackage(basePackage + ".contract..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(
                                basePackage + ".service..", basePackage + ".rest..", basePackage + ".messaging..")
                        .as("contract records depend on no use case, resource or messaging class"));
    }

    /** Checks every rule, so one run reports every violation. */
    public static void check(String basePackage) {
        check(of(basePackage), basePackage);
    }

    static void check(JavaClasses classes, String basePackage) {
        AssertionError failures = null;
        for (ArchRule rule : rules(basePackage)) {
            try {
                rule.check(classes);
            } catch (AssertionError e) {
                if (failures == null) {
                    failures = new AssertionError("architecture rules broken in " + basePackage);
                }
                failures.addSuppressed(e);
            }
        }
        if (failures != null) {
            throw failures;
        }
    }
}
