package dev.cutover.compile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What makes two runs "the same plan" for rehearsal purposes (issue 5): the steps in their order, each step's
 * action, commands (preview, execute, verify, rollback, poll), requirements, irreversibility, approval and polling
 * — with the environment taken out. Account ids (any 12-digit number standing alone) and profile names after
 * {@code --profile} are environment, not plan, so a staging rehearsal of the production checklists has the same
 * identity, while any change to a step, a command or the order gives another. Descriptions, owners, time boxes
 * and notes are documentation and do not count. The identity is a SHA-256 over a canonical text of those fields.
 */
public final class PlanIdentity {
    private static final Pattern ACCOUNT_ID = Pattern.compile("(?<![0-9])[0-9]{12}(?![0-9])");
    private static final Pattern PROFILE = Pattern.compile("--profile(=|\\s+)(\"[^\"]*\"|'[^']*'|\\S+)");

    private PlanIdentity() {}

    /** The identity of {@code steps} (execution order), as {@code sha256:<hex>}. */
    public static String of(List<ExecutionStep> steps) {
        StringBuilder canonical = new StringBuilder("cutover-plan-identity/1\n");
        for (ExecutionStep s : steps) {
            canonical.append("step ").append(s.stepId()).append('\n');
            field(canonical, "action", s.action());
            field(canonical, "preview", s.previewCmd());
            field(canonical, "execute", s.executeCmd());
            field(canonical, "verify", s.verifyCmd());
            field(canonical, "rollback", s.rollbackCmd());
            field(canonical, "poll", s.pollCmd());
            field(canonical, "poll-terminal", String.join(",", s.pollTerminalStates()));
            field(canonical, "requires", String.join(",", s.requires()));
            field(canonical, "irreversible", String.valueOf(s.irreversible()));
            field(canonical, "approval", String.valueOf(s.approvalRequired()));
            field(canonical, "long-running", String.valueOf(s.longRunning()));
        }
        return "sha256:" + sha256(canonical.toString());
    }

    /** {@code text} with the environment's values replaced by markers. */
    static String withoutEnvironment(String text) {
        String noAccounts = ACCOUNT_ID.matcher(text).replaceAll("<account>");
        return PROFILE.matcher(noAccounts).replaceAll("--profile$1<profile>");
    }

    private static void field(StringBuilder b, String name, String value) {
        // Values are escaped so no value can forge a field boundary.
        String v = value == null
                ? "-"
                : withoutEnvironment(value).replace("\\", "\\\\").replace("\n", "\\n");
        b.append("  ").append(name).append(' ').append(v).append('\n');
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
