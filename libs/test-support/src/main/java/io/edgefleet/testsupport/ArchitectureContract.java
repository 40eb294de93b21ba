package io.edgefleet.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/architecture.md that a compiler does not check, held over the service's own
 * classes and the shared libraries it runs with. Each service runs it with a plain subclass in
 * its base package (e.g. {@code io.edgefleet.inventory.ArchitectureTest}).
 */
public abstract class ArchitectureContract {

    /** The only unauthenticated operations: how a device gets its first credential. */
    private static final Set<String> OPEN_ENTRY_POINTS = Set.of(
            "io.edgefleet.provisioning.rest.EnrollmentResource.enroll",
            "io.edgefleet.provisioning.rest.DeviceCredentialResource.token",
            "io.edgefleet.provisioning.rest.DeviceCredentialResource.jwks");
    private static final String MECHANISM = "io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism";
    private static final String INCOMING = "org.eclipse.microprofile.reactive.messaging.Incoming";

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/testsupport/") && !location.contains("/localinfra/"))
            .importPackages(getClass().getPackageName(), "io.edgefleet.core", "io.edgefleet.rest", "io.edgefleet.messaging",
                    "io.edgefleet.deviceauth", "io.edgefleet.projection", "io.edgefleet.events");

    @Test
    void deviceTokensHaveOneMechanism() {
        noClasses().that().resideOutsideOfPackage("io.edgefleet.deviceauth..")
                .should().implement(MECHANISM)
                .because("device authentication is libs/device-auth's DeviceAuthenticationMechanism, and users' is smallrye-jwt")
                .check(classes);
    }

    @Test
    void onlyTheEnrollmentEntryPointsAreOpen() {
        noClasses().should().beAnnotatedWith(PermitAll.class)
                .because("a class-wide @PermitAll opens every operation added to it later").check(classes);
        methods().that().areAnnotatedWith(PermitAll.class)
                .should(new ArchCondition<JavaMethod>(
                        "be one of the documented enrollment entry points " + OPEN_ENTRY_POINTS) {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        String name = method.getOwner().getName() + "." + method.getName();
                        if (!OPEN_ENTRY_POINTS.contains(name)) {
                            events.add(SimpleConditionEvent.violated(method, name + " is @PermitAll"));
                        }
                    }
                })
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void timeComesFromTheInjectedClock() {
        noClasses().that().doNotHaveSimpleName("ClockProducer")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("tests and replicas agree on time only through the injected Clock").check(classes);
    }

    @Test
    void resourcesNeverUseRepositories() {
        noClasses().that().resideInAPackage("..rest..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .because("services own transactions and queries; resources map HTTP to one service call").check(classes);
    }

    @Test
    void consumersGoThroughTheHandlerRouter() {
        classes().that(declareMethodsAnnotatedWith(INCOMING))
                .should().dependOnClassesThat().haveFullyQualifiedName("io.edgefleet.messaging.consumer.EventConsumer")
                .because("EventConsumer decodes, checks the schema, deduplicates and dead-letters every record")
                .allowEmptyShould(true).check(classes);
    }

    private static DescribedPredicate<JavaClass> declareMethodsAnnotatedWith(String annotation) {
        return DescribedPredicate.describe("declare methods annotated with @" + annotation,
                c -> c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(annotation)));
    }
}
