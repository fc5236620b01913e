package uk.gov.bristol.alp.registry.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** The three authorities that keep the framework, spelt as the token's {@code authority} claim. */
public enum Authority {
    BRISTOL("bristol"),
    SOUTH_GLOUCESTERSHIRE("south-gloucestershire"),
    NORTH_SOMERSET("north-somerset");

    private final String code;

    Authority(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static Authority fromCode(String code) {
        return Arrays.stream(values())
                .filter(a -> a.code.equals(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "authority must be bristol, south-gloucestershire or north-somerset"));
    }
}
