package dev.cutover.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run directory of {@code items} checklist items (the compiled plan adds the handoff step), spread evenly
 * over the twelve phases of both checklists, every one an automated during item with the same command and
 * verify command. Data-plane items each name one of {@value #BUCKETS} S3 buckets in turn, so the compiler
 * builds the usual chains of {@code requires} (each step on a datastore requires the one before it on it).
 */
final class SyntheticPlan {
    static final int BUCKETS = 20;
    private static final int PHASES = 12;

    private final int items;
    private final String command;
    private final String verifyCommand;
    private final List<String> programs;

    /**
     * @param command every item's command (e.g. {@code true})
     * @param programs the programs {@code command} and {@code verifyCommand} run, for the allow-list
     */
    SyntheticPlan(int items, String command, String verifyCommand, List<String> programs) {
        if (items < 1) {
            throw new IllegalArgumentException("at least one item, got " + items);
        }
        this.items = items;
        this.command = command;
        this.verifyCommand = verifyCommand;
        this.programs = List.copyOf(programs);
    }

    Path write(Path dir, Clock clock) {
        RunDirWriter w = new RunDirWriter("bench-synthetic", clock);
        for (int i = 0; i < items; i++) {
            int slot = i % PHASES; // cp phases 0..6, then dp phases 1..5
            boolean cp = slot < 7;
            int phase = cp ? slot : slot - 6;
            String id = String.format(Locale.ROOT, "%s-phase%d-500-item-%06d", cp ? "cp" : "dp", phase, i);
            ObjectNode item = RunDirWriter.item(id, "Synthetic item " + i + ".")
                    .put("operation_type", cp ? "aws-cli" : "lambda-code-upload")
                    .put("command", command)
                    .put("time_box_minutes", 1)
                    .put("verification_command", verifyCommand);
            if (!cp) {
                item.put("tool", "shell").put("datastore_arn", bucket(i));
            }
            RunDirWriter.add(cp ? w.cpPhase(phase) : w.dpPhase(phase), "during_cutover", item);
        }
        List<RunDirWriter.Datastore> datastores = new ArrayList<>();
        for (int b = 0; b < BUCKETS; b++) {
            datastores.add(new RunDirWriter.Datastore(bucketArn(b), "AWS::S3::Bucket", "bench-bucket-" + b));
        }
        return w.write(dir, datastores, programs);
    }

    private static String bucket(int item) {
        return bucketArn(item % BUCKETS);
    }

    private static String bucketArn(int b) {
        return "arn:aws:s3:::bench-bucket-" + b;
    }
}
