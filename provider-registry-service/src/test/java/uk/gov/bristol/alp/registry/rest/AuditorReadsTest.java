package uk.gov.bristol.alp.registry.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.gov.bristol.alp.testing.AlpServiceTestResource;
import uk.gov.bristol.alp.testing.TestTokens;

/** Every read an auditor makes is on the audit trail (platform AuditorReads, docs/access-matrix.md). */
@QuarkusTest
@QuarkusTestResource(
        value = AlpServiceTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "alp_registry"))
class AuditorReadsTest {
    @Inject
    EntityManager em;

    @Test
    void anAuditorsReadsAreRecordedAndOtherCallersReadsOfTheRegistryAreNot() {
        String id = ProviderResourceTest.register(ProviderResourceTest.newUkprn());
        given().header("Authorization", TestTokens.auditor())
                .get("/api/v1/providers/{id}", id)
                .then()
                .statusCode(200);
        given().header("Authorization", TestTokens.auditor())
                .queryParam("q", id)
                .get("/api/v1/providers")
                .then()
                .statusCode(200);
        given().header("Authorization", TestTokens.registryOfficer())
                .get("/api/v1/providers/{id}", id)
                .then()
                .statusCode(200);

        List<?> rows = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("""
                                select actor || ' ' || action || ' ' || resource_id from audit_event
                                where resource_type = 'api' and resource_id like ?1 order by id""")
                        .setParameter(1, "%" + id + "%")
                        .getResultList());
        assertEquals(List.of("auditor READ /api/v1/providers/" + id, "auditor READ /api/v1/providers?q=" + id), rows);
    }
}
