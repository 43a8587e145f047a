package dev.cutover.engine.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutover.app.CompileService;
import dev.cutover.engine.GuardOptions;
import dev.cutover.engine.LoadedPlan;
import dev.cutover.error.ErrorCode;
import dev.cutover.input.ApprovalMode;
import dev.cutover.input.RunDirectory;
import dev.cutover.testing.RunOutcome;
import dev.cutover.testing.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Shared set-up of the guardrail tests: org files, the demo in another class, and refusal checks. */
final class Guardrails {
    static final String SOURCE = "000000000001";
    static final String TARGET = "000000000002";
    /** The demo's programs; every class below sandbox's floor needs its own poll interval. */
    static final String PROGRAMS =
            "allowed_programs: [bash, cat, cmp, cp, diff, grep, ln, mkdir, readlink, rm, sha256sum, test, touch, true]\n";

    /**
     * An {@code aws} for the child's PATH that logs every call to {@code calls.log} beside it and answers the sts
     * probes (profile src: account 1, any other: account 2) and {@code iam list-account-aliases} (profile tgt:
     * {@code orders-prod}; any other: AccessDenied).
     */
    static final String FAKE_AWS = """
            #!/bin/bash
            echo "$*" >> "$(dirname "$0")/calls.log"
            prev=""; for a in "$@"; do [ "$prev" = --profile ] && profile="$a"; prev="$a"; done
            if [ "$1 $2" = "sts get-caller-identity" ]; then
              if [ "$profile" = src ]; then echo '{"Account": "000000000001"}'; else echo '{"Account": "000000000002"}'; fi
              exit 0
            fi
            if [ "$1 $2" = "iam list-account-aliases" ]; then
              if [ "$profile" = tgt ]; then echo orders-prod; exit 0; fi
              echo "An error occurred (AccessDenied) when calling the ListAccountAliases operation" >&2
              exit 254
            fi
            exit 1
            """;

    private Guardrails() {}

    /** The demo as a sandbox with aws allowed, profiles src/tgt and {@link #FAKE_AWS} in {@code tmp/bin}. */
    static Scenario sandboxWithAws(Path tmp) {
        Path bin = tmp.resolve("bin");
        Scenario.executable(bin.resolve("aws"), FAKE_AWS);
        return Scenario.demo(tmp)
                .config("environment: sandbox\nallowed_programs: [aws, bash, cat, cmp, cp, diff, grep, ln, mkdir,"
                        + " readlink, rm, sha256sum, test, touch, true]\npoll_interval_seconds: 1\n")
                .profiles("src", "tgt")
                .env("PATH", bin + ":" + System.getenv("PATH"));
    }

    /** Writes an organisation file into {@code dir} and returns its path. */
    /** An organisation file whose production class (the demo's accounts) changes things only through a pipeline. */
    static final String PIPELINE_ONLY = """
            environments:
              production:
                accounts: ["000000000001", "000000000002"]
                direct_mutation: pipeline-only
            """;

    /** {@link #PIPELINE_ONLY} written to {@code dir}. */
    static Path pipelineOnlyOrg(Path dir) {
        return orgFile(dir, "environments.yaml", PIPELINE_ONLY);
    }

    /** The plan prepare-pipeline renders the approvals files from. */
    static LoadedPlan planOf(Scenario scenario) {
        return new CompileService().loadForExecution(new RunDirectory(scenario.dir()), Optional.empty());
    }

    static Path orgFile(Path dir, String name, String yaml) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo declared as {@code environment}, with poll interval and gate approvers any class accepts. */
    static Scenario demoIn(Path tmp, String environment) {
        return Scenario.demo(tmp)
                .config("environment: " + environment + "\n" + PROGRAMS
                        + "poll_interval_seconds: 10\napprovers:\n  platform: [tester]\n");
    }

    static GuardOptions org(Path file) {
        return new GuardOptions(file, ApprovalMode.PER_STEP, null);
    }

    static GuardOptions approval(ApprovalMode mode) {
        return new GuardOptions(null, mode, null);
    }

    /** The run was refused at pre-flight with {@code code}: nothing ran, no lock, only the failure journaled. */
    static void assertRefused(RunOutcome run, ErrorCode code, String... messageParts) {
        assertThat(run.result().failure()).as(run.output()).isNotNull();
        assertThat(run.result().failure().code()).isEqualTo(code);
        assertThat(run.exitCode()).isEqualTo(code.exitCode());
        assertThat(run.result().failure().getMessage()).contains(messageParts);
        assertThat(run.timeline()).containsExactly("cp-phase0-000-run step-failed");
        assertThat(run.file("RUNNING.lock")).doesNotExist();
        assertThat(run.file("service/target")).as("nothing was executed").doesNotExist();
        assertThat(run.approver().asked()).as("nobody was asked anything").isEmpty();
    }
}
