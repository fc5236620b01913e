package uk.gov.bristol.alp.platform.web;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * A true/false query or path parameter is {@code true} or {@code false} (any case); anything else is refused with a
 * problem answer (platform {@code ProblemMappers}), where JAX-RS would read it as false and answer as if it had been.
 */
@Provider
public class StrictBooleans implements ParamConverterProvider {
    private static final ParamConverter<Boolean> STRICT = new ParamConverter<>() {
        @Override
        public Boolean fromString(String value) {
            if (value == null) {
                return null;
            }
            if (value.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (value.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
            throw new IllegalArgumentException("a true/false parameter is 'true' or 'false'");
        }

        @Override
        public String toString(Boolean value) {
            return value.toString();
        }
    };

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == Boolean.class || rawType == boolean.class ? (ParamConverter<T>) STRICT : null;
    }
}
