package dev.cutover.compile;

import dev.cutover.input.ChecklistItem;
import dev.cutover.input.DataMigrationPlan;
import dev.cutover.input.Inputs;
import dev.cutover.input.Spelling;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles one checklist item into one step without {@code requires} (those need every step): row lookup,
 * id, resource, commands, rollback, risk and notes. Records compile errors and warnings as it goes.
 */
final class ItemCompiler {
    private static final Pattern MODULE_NAME = Pattern.compile("^[a-z0-9_-]+$");
    private static final Pattern TARGETED_MODULE = Pattern.compile("-target[= ]module\\.([^\\s'\"]+)");

    /** One compiled item: the step and the facts ordering needs. */
    record Compiled(ExecutionStep step, StepFacts facts) {}

    private final Inputs inputs;
    private final CompileErrors errors;
    private final CompileTimeValues values;
    private final CommandSelector selector;
    private final StepAssembler assembler;

    ItemCompiler(Inputs inputs, CompileErrors errors, CommandSelector selector, StepAssembler assembler) {
        this.inputs = inputs;
        this.errors = errors;
        this.values = new CompileTimeValues(inputs);
        this.selector = selector;
        this.assembler = assembler;
    }

    Optional<Compiled> compile(SourceItem at, StepIds ids) {
        Map<String, SourcedValue> itemValues = values.forItem(at);
        String resourceArn = resourceArn(at.item());
        String resourceType = resourceType(resourceArn);
        Optional<PreparedCommand> check = Optional.empty();
        OperationType type;
        if (at.during()) {
            Optional<OperationType> row =
                    OperationTypes.lookup(at.plane(), at.item().operationType());
            if (row.isEmpty()) {
                errors.add(
                        at,
                        "operation_type",
                        "unknown operation_type '" + at.item().operationType() + "'"
                                + Optional.ofNullable(at.item().operationType())
                                        .flatMap(t -> Spelling.closest(t, OperationTypes.names(at.plane())))
                                        .map(t -> " (did you mean '" + t + "'?)")
                                        .orElse(""),
                        "Use one of this plane's operation types: " + OperationTypes.namesFor(at.plane()) + ".");
                return Optional.empty();
            }
            type = row.get();
            if ("terraform-apply".equals(type.action()) && !moduleIsValid(at)) {
                return Optional.empty();
            }
        } else {
            ItemContext probe =
                    new ItemContext(at, null, OperationTypes.MANUAL_CHECK, resourceArn, resourceType, itemValues);
            check = selector.executableCheck(at, probe);
            type = check.isPresent() ? OperationTypes.VERIFY_ONLY : OperationTypes.MANUAL_CHECK;
        }
        String stepId = ids.assign(at, type.action());
        if (stepId == null) {
            return Optional.empty();
        }
        ItemContext ctx = new ItemContext(at, stepId, type, resourceArn, resourceType, itemValues);
        boolean longRunning = at.during() && Polling.longRunning(at.item(), type);
        Optional<StepCommands> commands =
                at.during() ? selector.selectDuring(ctx, longRunning) : Optional.of(selector.selectCheck(ctx, check));
        return commands.map(c -> assembler.assemble(ctx, c, longRunning))
                .filter(step -> secretStaysInFiles(at, step))
                .map(step -> new Compiled(step, facts(ctx, step)));
    }

    /**
     * The operator's secret file may only be passed as {@code file://{secret-file}} (the AWS CLI reads it);
     * any other use — {@code cat <operator-supplied>} — would print the secret into logs and the journal.
     */
    private boolean secretStaysInFiles(SourceItem at, ExecutionStep step) {
        for (String cmd :
                new String[] {step.previewCmd(), step.executeCmd(), step.verifyCmd(), step.pollCmd(), step.rollbackCmd()
                }) {
            if (SecretFiles.exposesSecret(cmd)) {
                errors.add(
                        at,
                        at.item().command() != null && at.item().command().contains("operator-supplied")
                                ? "command"
                                : "verification_command",
                        "the operator's secret file is used other than as file://<operator-supplied>: `" + cmd
                                + "` could print the secret into logs and the journal",
                        "Pass the secret only as file://<operator-supplied> (e.g. --secret-string"
                                + " file://<operator-supplied>).");
                return false;
            }
        }
        return true;
    }

    private boolean moduleIsValid(SourceItem at) {
        String module = at.item().terraformModule();
        if (module == null) {
            errors.add(
                    at,
                    "terraform_module",
                    "a terraform-apply item needs a terraform_module (the module it applies, targeted as"
                            + " -target=module.<name>)",
                    "Add \"terraform_module\": \"<name>\" to the item, e.g. \"networking\".");
            return false;
        }
        if (!MODULE_NAME.matcher(module).matches()) {
            errors.add(
                    at,
                    "terraform_module",
                    "terraform_module '" + module + "' is not a valid module name",
                    "Name the module with lowercase letters, digits, _ and - only (e.g. networking).");
            return false;
        }
        String command = at.item().command();
        if (command != null) {
            Matcher m = TARGETED_MODULE.matcher(command);
            while (m.find()) {
                if (!m.group(1).equals(module)) {
                    errors.add(
                            at,
                            "command",
                            "command targets module." + m.group(1) + " but terraform_module is " + module,
                            "Make the command target module." + module + " or fix terraform_module.");
                    return false;
                }
            }
        }
        return true;
    }

    private StepFacts facts(ItemContext ctx, ExecutionStep step) {
        Set<String> keys = new TreeSet<>();
        if ("kms-grant".equals(ctx.action())) {
            datastoreKeyId(ctx.at().item().datastoreArn()).ifPresent(keys::add);
            String command = ctx.at().item().command();
            Matcher m = command == null
                    ? null
                    : Pattern.compile("--key-id[= ]+([^\\s'\"]+)").matcher(command);
            if (m != null && m.find()) {
                keys.add(Arns.kmsKeyId(m.group(1)));
            }
        }
        return new StepFacts(
                step.stepId(),
                ctx.at().plane(),
                ctx.at().phaseNumber(),
                ctx.at().item().datastoreArn(),
                step.action(),
                step.mutating(),
                keys,
                ctx.at());
    }

    /** The KMS key id of a datastore: plan source key, else its kms-key-use edge. */
    Optional<String> datastoreKeyId(String datastoreArn) {
        return datastoreArn == null
                ? Optional.empty()
                : values.sourceKey(datastoreArn).map(v -> Arns.kmsKeyId(v.value()));
    }

    private static String resourceArn(ChecklistItem item) {
        if (item.datastoreArn() != null) {
            return item.datastoreArn();
        }
        if ("terraform-apply".equals(item.operationType()) && item.terraformModule() != null) {
            return "target:terraform:module." + item.terraformModule();
        }
        return "target:checklist:" + item.id();
    }

    private String resourceType(String resourceArn) {
        if (resourceArn.startsWith("target:terraform:")) {
            return "Terraform::Module";
        }
        if (resourceArn.startsWith("target:")) {
            return "Migration::ManualStep";
        }
        return values.datastore(resourceArn)
                .map(DataMigrationPlan.Datastore::resourceType)
                .filter(t -> !t.isBlank())
                .orElseGet(() -> Arns.resourceType(resourceArn));
    }
}
