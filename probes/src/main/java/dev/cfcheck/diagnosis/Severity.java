package dev.cfcheck.diagnosis;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How bad a finding is. Exit status 0 for ok/info, 1 for warning/critical. */
public enum Severity {
    OK,
    INFO,
    WARNING,
    CRITICAL;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Severity parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    /** True for warning and critical: the check "failed". */
    public boolean isProblem() {
        return this == WARNING || this == CRITICAL;
    }
}
