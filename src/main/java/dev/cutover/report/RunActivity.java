package dev.cutover.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a run is running now, stopped without an end (crash, kill), or ended. */
public enum RunActivity {
    RUNNING,
    INTERRUPTED,
    ENDED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
