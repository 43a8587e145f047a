package dev.cutover.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;

/** The first place two JSON trees differ, as {@code path: the file says X, the bundle gives Y}. */
final class JsonDiff {
    private JsonDiff() {}

    /** Null when {@code claimed} equals {@code derived} (object key order aside). */
    static String first(String path, JsonNode claimed, JsonNode derived) {
        if (derived.isObject() && claimed.isObject()) {
            Iterator<String> names = derived.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                String d = first(path + "." + name, claimed.path(name), derived.get(name));
                if (d != null) {
                    return d;
                }
            }
            Iterator<String> extra = claimed.fieldNames();
            while (extra.hasNext()) {
                String name = extra.next();
                if (!derived.has(name)) {
                    return path + "." + name + ": not something the bundle gives";
                }
            }
            return null;
        }
        if (derived.isArray() && claimed.isArray()) {
            for (int i = 0; i < Math.max(derived.size(), claimed.size()); i++) {
                if (i >= claimed.size() || i >= derived.size()) {
                    return path + ": the file lists " + claimed.size() + " entries, the bundle gives " + derived.size();
                }
                String d = first(path + "[" + i + "]", claimed.get(i), derived.get(i));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        boolean same = claimed.isNumber() && derived.isNumber()
                ? claimed.decimalValue().compareTo(derived.decimalValue()) == 0
                : claimed.equals(derived);
        return same
                ? null
                : path + ": the file says " + (claimed.isMissingNode() ? "nothing" : claimed.toString())
                        + ", the bundle gives " + derived;
    }
}
