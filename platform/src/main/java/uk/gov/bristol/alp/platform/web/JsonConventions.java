package uk.gov.bristol.alp.platform.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateTimeDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalTimeDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * API-wide JSON rules: money and other decimals travel as strings ("1234.50") so no client turns them into
 * floating point; unknown fields are refused so a misspelt field is an error, not a silent loss; dates and times
 * are ISO 8601 text only (Jackson would otherwise read [2012,3,4] as a date and [1,2] as 01:02).
 */
@Singleton
public class JsonConventions implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        SimpleModule isoTextOnly = new SimpleModule("alp-iso-8601-text-only");
        isoTextOnly.addDeserializer(LocalDate.class, textOnly(LocalDate.class, LocalDateDeserializer.INSTANCE));
        isoTextOnly.addDeserializer(LocalTime.class, textOnly(LocalTime.class, LocalTimeDeserializer.INSTANCE));
        isoTextOnly.addDeserializer(
                LocalDateTime.class, textOnly(LocalDateTime.class, LocalDateTimeDeserializer.INSTANCE));
        isoTextOnly.addDeserializer(
                OffsetDateTime.class, textOnly(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME));
        isoTextOnly.addDeserializer(Instant.class, textOnly(Instant.class, InstantDeserializer.INSTANT));
        mapper.registerModule(isoTextOnly);
    }

    /** A priority below the default, so this module is registered after Jackson's own date-time module. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    private static <T> JsonDeserializer<T> textOnly(Class<T> type, JsonDeserializer<T> iso) {
        return new StdDeserializer<T>(type) {
            @Override
            @SuppressWarnings("unchecked")
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (!p.hasToken(JsonToken.VALUE_STRING)) {
                    return (T) ctxt.handleUnexpectedToken(type, p);
                }
                return iso.deserialize(p, ctxt);
            }
        };
    }
}
