package uk.gov.bristol.alp.platform.query;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A JPQL {@code where} clause built from optional filters: a filter whose value is absent (null, or blank text)
 * adds nothing, so a list endpoint's optional query parameters map one line each. Values are always bound as
 * named parameters, never written into the query text.
 */
public final class Criteria {
    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Map<String, Object> parameters = new HashMap<>();

    /** {@code field = :field} when the value is present. */
    public Criteria equal(String field, Object value) {
        return when(value, field + " = :" + field, field);
    }

    /** {@code condition} when the value is present; the condition binds the value as {@code :name}. */
    public Criteria when(Object value, String condition, String name) {
        if (present(value)) {
            where.append(" and (").append(condition).append(')');
            parameters.put(name, value);
        }
        return this;
    }

    /** A condition that always applies, with its own named parameters. */
    public Criteria always(String condition, Map<String, Object> values) {
        where.append(" and (").append(condition).append(')');
        parameters.putAll(values);
        return this;
    }

    /**
     * A case-insensitive "contains" pattern for {@code lower(field) like :name}, with the LIKE wildcards in the
     * text escaped; null for absent text, so {@link #when} leaves the condition out.
     */
    public static String containing(String text) {
        if (!present(text)) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.UK);
        return "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The clause with an ordering, ready for {@code find(query, parameters)}. */
    public String orderedBy(String orderBy) {
        return where + " order by " + orderBy;
    }

    public String where() {
        return where.toString();
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    private static boolean present(Object value) {
        return value != null && !(value instanceof String text && text.isBlank());
    }
}
