package uk.gov.bristol.alp.notification.messaging;

import java.util.HashMap;
import java.util.Map;

/** Template facts from alternating names and values; a null value reads as empty text (templates render strictly). */
final class Facts {
    private Facts() {}

    static Map<String, String> of(String... namesAndValues) {
        Map<String, String> facts = new HashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            facts.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return facts;
    }
}
