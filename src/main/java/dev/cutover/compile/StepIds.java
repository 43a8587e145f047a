package dev.cutover.compile;

import dev.cutover.input.ChecklistItem;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Step ids (FORMATS.md §4.1): an item id that already is a step id is reused (freeze windows cite item ids);
 * any other item gets {@code {plane}-phase{N}-{seq}-{slug}}. Reserved sequence numbers, ids that disagree
 * with where the item sits, more than 99 items in a phase and duplicates are compile errors.
 */
final class StepIds {
    private static final int MAX_ITEMS_PER_PHASE = 99;
    private static final int SLUG_LENGTH = 48;

    private final CompileErrors errors;
    /** Step ids given so far, with the item that got each. */
    private final Map<String, SourceItem> seen = new HashMap<>();
    /** The checklists' own item ids so far: freeze windows and people cite them, so each must name one item. */
    private final Map<String, SourceItem> itemIds = new HashMap<>();

    StepIds(CompileErrors errors) {
        // The handoff's id needs no entry: sequence 999 is refused in item ids and never generated.
        this.errors = errors;
    }

    /** The id of one item, or null when it has an id error (already recorded). */
    String assign(SourceItem at, String action) {
        String itemId = at.item().id();
        if (itemId != null) {
            SourceItem first = itemIds.putIfAbsent(itemId, at);
            if (first != null) {
                errors.add(
                        at,
                        "id",
                        "item id " + itemId + " is also the id of " + where(first),
                        "Give every checklist item a unique id.");
                return null;
            }
        }
        String id = idOf(at, action);
        if (id == null) {
            return null;
        }
        if (seen.containsKey(id)) {
            errors.add(at, "id", collision(at, id, seen.get(id)), "Give every checklist item a unique id.");
            return null;
        }
        seen.put(id, at);
        return id;
    }

    /** Why {@code id}, given to {@code at}, is taken, naming the item that has it and where each id came from. */
    private static String collision(SourceItem at, String id, SourceItem holder) {
        String mine = id.equals(at.item().id())
                ? "its own id"
                : "the id generated for it (item id " + at.item().id() + ")";
        String theirs = id.equals(holder.item().id()) ? "its own id" : "generated for it";
        return "step id " + id + " (" + mine + ") is already the step id of " + where(holder) + " (" + theirs + ")";
    }

    /** An item for a message: its id, file and JSON pointer. */
    private static String where(SourceItem item) {
        return "item " + item.item().id() + " (" + item.file() + " " + item.pointer() + ")";
    }

    private String idOf(SourceItem at, String action) {
        ChecklistItem item = at.item();
        String id = item.id();
        if (id != null && ExecutionStep.STEP_ID.matcher(id).matches()) {
            return checkReused(at, id) ? id : null;
        }
        if (at.positionInPhase() > MAX_ITEMS_PER_PHASE) {
            errors.add(
                    at,
                    null,
                    "more than 99 items in phase " + at.phaseNumber(),
                    "Split the phase's items or give them step ids of their own.");
            return null;
        }
        // At most 99 items, so 10–990: zero-padded to three digits (by hand: the first String.format of a run
        // costs milliseconds).
        int position = 10 * at.positionInPhase();
        String seq = (position < 100 ? "0" : "") + position;
        return at.plane().prefix() + "-phase" + at.phaseNumber() + "-" + seq + "-" + slug(item, action);
    }

    private boolean checkReused(SourceItem at, String id) {
        String expectedPrefix = at.plane().prefix() + "-phase" + at.phaseNumber() + "-";
        if (!id.startsWith(expectedPrefix)) {
            errors.add(
                    at,
                    "id",
                    "id " + id + " does not match its plane and phase (expected prefix " + expectedPrefix + ")",
                    "Rename the item to start with " + expectedPrefix + " or move it.");
            return false;
        }
        String seq = id.substring(expectedPrefix.length(), expectedPrefix.length() + 3);
        if (seq.equals("000") || seq.equals("999")) {
            errors.add(
                    at,
                    "id",
                    "id " + id + " uses reserved sequence " + seq,
                    "Use a sequence number between 001 and 998.");
            return false;
        }
        return true;
    }

    /** kebab({@code <seg> <action>}) cut to 48 characters, trailing {@code -} stripped. */
    static String slug(ChecklistItem item, String action) {
        String seg = item.datastoreArn() != null
                ? Arns.lastSegment(item.datastoreArn())
                : item.terraformModule() != null ? item.terraformModule() : "";
        String slug = kebab(seg + " " + action);
        if (slug.length() > SLUG_LENGTH) {
            slug = slug.substring(0, SLUG_LENGTH);
        }
        while (slug.endsWith("-")) {
            slug = slug.substring(0, slug.length() - 1);
        }
        return slug;
    }

    static String kebab(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return lower.replaceAll("^-+|-+$", "");
    }
}
