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
 * Each item has its own sequence number in its phase, so the signed Markdown lists every item, as a real one
 * does (and the compiler's check that it does costs what it costs on a real plan).
 */
final class SyntheticPlan {
    static final int BUCKETS = 20;
    private static final int PHASES = 12;
    /** Sequence numbers 001..998 in each phase (000 and 999 are reserved). */
    static final int MAX_ITEMS = PHASES * 998;

    private final int items;
    private final String command;
    private final String verifyCommand;
    private final List<String> programs;

    /**
     * @param command every item's command (e.g. {@code true})
     * @param programs the programs {@code command} and {@code verifyCommand} run, for the allow-list
     */
    SyntheticPlan(int items, String command, String verifyCommand, List<String> programs) {
        if (items < 1 || items > MAX_ITEMS) {
            throw new IllegalArgumentException("1 to " + MAX_ITEMS + " items, got " + items);
        }
        this.items = items;
        this.command = command;
        this.verifyCommand = verifyCommand;
        this.programs = List.copyOf(programs);
    }

    Path write(Path dir, Clock clock) {
        RunDirWriter w = new RunDirWriter("bench-synthetic", clock);
        for (int i = 0; i < items; i++) {
            boolean cp = controlPlane(i);
            int phase = phase(i);
            ObjectNode item = RunDirWriter.item(itemId(i), "Synthetic item " + i + ".")
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

    /**
     * The id of item {@code i} (from 0), also its step id: plane and phase by {@code i} round the twelve phases,
     * then its own sequence number in that phase, then {@code i}.
     */
    static String itemId(int i) {
        int sequence = i / PHASES + 1;
        return String.format(
                Locale.ROOT, "%s-phase%d-%03d-item-%06d", controlPlane(i) ? "cp" : "dp", phase(i), sequence, i);
    }

    // Item i goes to slot i % 12: control-plane phases 0..6, then data-plane phases 1..5.
    private static boolean controlPlane(int i) {
        return i % PHASES < 7;
    }

    private static int phase(int i) {
        int slot = i % PHASES;
        return slot < 7 ? slot : slot - 6;
    }

    private static String bucket(int item) {
        return bucketArn(item % BUCKETS);
    }

    private static String bucketArn(int b) {
        return "arn:aws:s3:::bench-bucket-" + b;
    }
}
