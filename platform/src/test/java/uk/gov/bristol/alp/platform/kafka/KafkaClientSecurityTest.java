package uk.gov.bristol.alp.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientSecurityTest {
    @Test
    void theSecuritySettingsThatAreSetArePassedOnAndBlankOnesAreNot() {
        var config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(
                        Map.of(
                                "kafka.security.protocol", "SASL_SSL",
                                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                                "kafka.sasl.jaas.config", "ScramLoginModule required;",
                                "kafka.ssl.truststore.location", "/etc/alp/kafka-ca.p12",
                                "kafka.ssl.truststore.password", "",
                                "kafka.bootstrap.servers", "broker:9093"),
                        "test",
                        100))
                .build();
        var security = new KafkaClientSecurity(config);
        assertEquals(
                Map.of(
                        "security.protocol", "SASL_SSL",
                        "sasl.mechanism", "SCRAM-SHA-512",
                        "sasl.jaas.config", "ScramLoginModule required;",
                        "ssl.truststore.location", "/etc/alp/kafka-ca.p12"),
                security.settings());
        assertEquals("SASL_SSL", security.protocol());
    }
}
