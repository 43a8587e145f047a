package dev.cutover.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The built-in classes of FORMATS.md §4.3 for one {@code terraform} stage. */
final class TerraformRules {
    private static final Set<String> READ_SUBCOMMANDS = Set.of("init", "plan", "show", "validate", "output");
    private static final Set<String> READ_STATE_SUBCOMMANDS = Set.of("list", "show");
    private static final Pattern MODULE_TARGET = Pattern.compile("^module\\.([A-Za-z0-9_-]+|\\{[a-z][a-z0-9-]*\\})$");
    // Flags that print sensitive values in plain text (terraform redacts them only in human-readable output)
    private static final Map<String, List<String>> REVEALS_SENSITIVE =
            Map.of("output", List.of("json", "raw"), "show", List.of("json"));
    // Go's flag package reads these as true
    private static final Set<String> TRUE_WORDS = Set.of("", "=true", "=1", "=t", "=T", "=TRUE", "=True");

    private TerraformRules() {}

    /** Appends to {@code reasons} every way {@code stage} (a terraform stage) breaks the built-in classes. */
    static void check(Stage stage, CommandRole role, List<String> reasons) {
        Optional<String> sub = stage.wordValue(1);
        if (sub.isEmpty()) {
            reasons.add("terraform needs a subcommand");
            return;
        }
        if (sub.get().startsWith("-")) {
            reasons.add("terraform options must follow the subcommand; found `" + sub.get() + "` before it");
            return;
        }
        String subcommand = sub.get();
        Optional<String> stateSub = subcommand.equals("state") ? stage.wordValue(2) : Optional.empty();
        if (subcommand.equals("state") && (stateSub.isEmpty() || stateSub.get().startsWith("-"))) {
            reasons.add("terraform state needs a subcommand before any option");
            return;
        }
        if (subcommand.equals("force-unlock")) {
            reasons.add("terraform force-unlock is never run by cutover; the operator runs it by hand");
        } else if (subcommand.equals("apply") || subcommand.equals("destroy")) {
            checkApply(stage, subcommand, reasons);
        }
        for (String flag : REVEALS_SENSITIVE.getOrDefault(subcommand, List.of())) {
            if (hasFlag(stage, flag)) {
                reasons.add("terraform " + subcommand + " -" + flag + " is never run: it prints sensitive values"
                        + " in plain text");
            }
        }
        if (role == CommandRole.READ && !readOnly(stage, subcommand, stateSub)) {
            String shown = stateSub.map(s -> "state " + s).orElse(subcommand);
            reasons.add("terraform `" + shown + "` is not read-only; read commands may only init, plan"
                    + " (without -out), show, validate, output, state list or state show");
        }
    }

    private static boolean readOnly(Stage stage, String subcommand, Optional<String> stateSub) {
        if (subcommand.equals("state")) {
            return stateSub.filter(READ_STATE_SUBCOMMANDS::contains).isPresent();
        }
        if (subcommand.equals("plan")) {
            return flagValues(stage, "out").isEmpty();
        }
        return READ_SUBCOMMANDS.contains(subcommand);
    }

    private static void checkApply(Stage stage, String subcommand, List<String> reasons) {
        List<String> targets = flagValues(stage, "target");
        if (targets.isEmpty()) {
            reasons.add("terraform " + subcommand + " needs at least one -target=module.<name>");
        }
        for (String target : targets) {
            if (!MODULE_TARGET.matcher(target).matches()) {
                reasons.add("terraform " + subcommand + " -target `" + target + "` is not module.<name>");
            }
        }
        List<String> approve = flagSuffixes(stage, "auto-approve");
        if (approve.isEmpty() || !TRUE_WORDS.contains(approve.get(approve.size() - 1))) {
            reasons.add("terraform " + subcommand + " needs -auto-approve (approval happens in cutover)");
        }
    }

    /** Values of a terraform flag written {@code -f v}, {@code -f=v}, {@code --f v} or {@code --f=v}. */
    static List<String> flagValues(Stage stage, String flag) {
        List<Word> words = stage.words();
        List<String> values = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            String word = goFlag(words.get(i).value());
            if (word.equals("-" + flag)) {
                values.add(i + 1 < words.size() ? words.get(i + 1).value() : "");
            } else if (word.startsWith("-" + flag + "=")) {
                values.add(word.substring(flag.length() + 2));
            }
        }
        return values;
    }

    /** For a boolean flag, what follows its name in each occurrence ({@code ""} or {@code =value}). */
    private static List<String> flagSuffixes(Stage stage, String flag) {
        return stage.words().stream()
                .map(w -> goFlag(w.value()))
                .filter(w -> w.equals("-" + flag) || w.startsWith("-" + flag + "="))
                .map(w -> w.substring(flag.length() + 1))
                .toList();
    }

    /** Whether a terraform stage has a flag in any spelling Go accepts. */
    static boolean hasFlag(Stage stage, String flag) {
        return stage.words().stream()
                .map(w -> goFlag(w.value()))
                .anyMatch(w -> w.equals("-" + flag) || w.startsWith("-" + flag + "="));
    }

    private static String goFlag(String word) {
        return word.startsWith("--") ? word.substring(1) : word;
    }
}
