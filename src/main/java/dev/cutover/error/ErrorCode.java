package dev.cutover.error;

/**
 * The closed catalogue of failures Cutover reports, each with the process exit code scripts rely on
 * (DESIGN.md §4), the cause in one line and the operator's next move in one line.
 *
 * <p>{@code docs/errors.md} is generated from this enum; a test fails when the page is stale.
 */
public enum ErrorCode {
    USAGE(2, "The command line is incomplete or contradictory.", "Run the command with --help and correct the flags."),
    RUN_DIR_NOT_FOUND(
            2,
            "The run directory does not exist or is not a directory.",
            "Pass --run-dir with an existing directory, or --run-id with the profiles that name it."),
    PROFILES_REQUIRED(
            2,
            "--run-id needs both AWS profiles to locate the run directory.",
            "Pass --source-profile/--target-profile or set MIGRATION_SOURCE_PROFILE/MIGRATION_TARGET_PROFILE."),
    INPUT_INVALID(
            2,
            "One or more input files are missing, unparseable or violate their schema.",
            "Fix every problem listed (file, JSON pointer, fix) and run the command again."),
    CONFIG_INVALID(
            2,
            "cutover.yaml is unparseable, has an unknown key or a value of the wrong type.",
            "Fix every problem listed (the key or the line and column, and its fix); docs/configuration.md lists every key."),
    ORG_CONFIG_INVALID(
            2,
            "The organisation's environments.yaml is missing, unparseable, invalid, or lowers a production rule.",
            "Fix every problem listed (file, JSON pointer, fix); docs/environments.md documents every key."),
    COMPILE_FAILED(
            2,
            "The checklists cannot be compiled into safe, ordered steps.",
            "Fix every compile error listed (file, JSON pointer, fix) and compile again."),
    NO_RUN_YET(
            2,
            "The run directory has no journal (execution-log.jsonl): no run has started there.",
            "Check the directory (--run-dir); to start the run, use `cutover execute --run-dir DIR`."),
    STEPS_FILE_INVALID(
            2,
            "execution-steps.json is missing, unparseable or not a compiled plan (the message names the step and"
                    + " key: unknown or repeated, wrong type, null or fractional number, missing command).",
            "Run `cutover compile` for this run directory first."),
    LOCK_HELD(
            4,
            "Another live cutover run holds the run directory's lock.",
            "Wait for that run to finish; if it runs on another host and is certainly dead, delete RUNNING.lock."),
    COMMAND_STILL_RUNNING(
            4,
            "A mutating command started by the interrupted run is still running (Cutover died, its command did not).",
            "Wait for the named process to end (or stop it once you know what it did), then resume or roll back."),
    STALE_LOCK(
            3,
            "RUNNING.lock was left by a cutover run that is no longer running.",
            "Re-run with --resume to continue that run; to start over instead, use a new run directory (its journal"
                    + " stays here)."),
    RUN_DIR_NOT_WRITABLE(
            3,
            "The run directory, or a folder Cutover writes in it (`execution`, `execution-dry-run`), or a file it"
                    + " appends to, cannot be written by this user; nothing was written.",
            "Make the folder or file the message names writable (or work in a writable copy of the run directory),"
                    + " then run again."),
    RUN_FILE_IN_THE_WAY(
            3,
            "Something in the run directory is not what Cutover reads or writes there: a folder (or a device, pipe"
                    + " or socket) where a file belongs, a file where a folder belongs, or a file that cannot be read;"
                    + " nothing was written.",
            "Remove or rename what the message names (or make it readable), then run the command again."),
    SIGNOFF_MISSING(
            3,
            "A signed checklist has no valid sign-off line in its first 50 lines.",
            "Have the approver fill in `> APPROVED BY: <name> ON: <YYYY-MM-DD>` at the top of the file."),
    INPUTS_STALE(
            3,
            "Input files were captured more than 14 days ago.",
            "Re-run discovery to refresh the inputs, or pass --accept-stale."),
    NO_TERMINAL(
            3,
            "There is no controlling terminal to ask the operator.",
            "Run cutover from a terminal or, outside production, pass --answers FILE."),
    OPERATOR_INPUT_CLOSED(
            1,
            "The operator's terminal closed (end of input) while a question was open.",
            "Nothing was decided for the operator; run `cutover execute --resume` from a terminal."),
    NO_SCRIPTED_ANSWER(
            1,
            "The answers file has no usable rule for a question the run asked.",
            "Add or correct the rule for the prompt and step named in the message, then resume."),
    ANSWERS_FILE_INVALID(
            2,
            "The answers file is unreadable or has malformed rules.",
            "Fix every line listed (see docs/approvals.md) and run the command again."),
    JOURNAL_EXISTS(
            3,
            "A journal exists in the run directory: a run already started here.",
            "Continue it with --resume, or use a new run directory to start over."),
    RESUME_WITHOUT_JOURNAL(
            2,
            "--resume was given but the run directory has no journal to resume.",
            "Drop --resume to start a new run."),
    ANSWERS_NOT_ALLOWED(
            3,
            "--answers (scripted approvals) is allowed only in sandbox, development and test environments.",
            "Run interactively from a terminal, or rehearse in a sandbox/development/test run directory."),
    IDENTITY_MISMATCH(
            3,
            "An identity probe failed or returned an account other than the checklist's.",
            "Log in with the right profiles (e.g. aws sso login --profile P) and check the account ids."),
    ENVIRONMENT_MISMATCH(
            3,
            "An account or system of the run belongs to another environment class than cutover.yaml declares.",
            "Correct cutover.yaml's environment, or point the profiles at accounts of the declared class."),
    DIRECT_MUTATION_REFUSED(
            3,
            "The environment class allows changes only through the CI pipeline (direct_mutation: pipeline-only).",
            "Run `cutover prepare-pipeline --run-dir DIR --repo PATH` and let the pipeline execute the change."),
    APPROVAL_MODE_REFUSED(
            3,
            "--approval asks for looser step approval than the environment class allows.",
            "Drop --approval (per-step), or ask only for what docs/environments.md allows the class."),
    PIPELINE_APPROVALS_REFUSED(
            3,
            "--pipeline-approvals is usable only in a pipeline-only class, in CI, under its approval gate, for its plan,"
                    + " only with rules prepare-pipeline writes (one step each, no failure rule), and only for a plan"
                    + " whose go/no-go gates the pipeline can sign.",
            "Run it from the generated pipeline job after its approval gate, fixing every rule or gate listed; only"
                    + " where the class is not pipeline-only, run execute at a terminal instead."),
    PIPELINE_REFUSED(
            3,
            "cutover prepare-pipeline refused: the class is not pipeline-only, the repository is not ready, or the"
                    + " pipeline could not sign a go/no-go gate of the plan.",
            "Fix what the message names (clean git work tree, a new branch name, a pipeline-only class, a gate team"
                    + " renamed as one word)."),
    TERRAFORM_PREFLIGHT_FAILED(
            3,
            "terraform/root is missing or `terraform init`/`terraform validate` failed.",
            "Fix the Terraform root module named in the message, then run again."),
    GATE_APPROVERS_MISSING(
            3,
            "In production every go/no-go gate needs approver teams, and every team operators allowed to sign.",
            "Name the approver teams in the checklist's go_no_go_gate and map each to operators in cutover.yaml"
                    + " approvers (docs/configuration.md)."),
    REVIEW_FAILED(
            3,
            "cutover review found at least one FAIL: the plan is not rollback-ready.",
            "Fix what each FAIL line names (step or file, and the fix), then run cutover review again."),
    REHEARSAL_MISSING(
            3,
            "A production run needs a successful rehearsal of the same plan on record, and none verifies.",
            "Run `cutover rehearse` in a staging copy of the run directory and copy its rehearsal-evidence.json into"
                    + " this one (docs/rehearsal.md); the message names what each evidence file lacks."),
    REHEARSAL_NOT_ALLOWED(
            3,
            "`cutover rehearse` runs only where cutover.yaml says sandbox, development, test or staging.",
            "Rehearse in a staging copy of the run directory pointed at non-production accounts (docs/rehearsal.md)."),
    EVIDENCE_INVALID(
            6,
            "The rehearsal evidence does not verify: a claim, the embedded journal or steps, or the seal was changed.",
            "Do not edit evidence; take the rehearsal-evidence.json the rehearsal wrote, or rehearse again."),
    COMMAND_NOT_ALLOWED(
            3,
            "A step's command uses a program or construct the allow-list does not permit.",
            "List the program in cutover.yaml allowed_programs (docs/configuration.md) or fix the checklist."),
    ENVIRONMENT_CHANGED(
            3,
            "The run started under another environment class than cutover.yaml declares now; a run keeps its class.",
            "Set cutover.yaml's environment back to the class the message names to resume the run; to cut over"
                    + " under the new class, start from a new run directory (production after a rehearsal)."),
    RUN_ROLLED_BACK(
            3,
            "The run is being rolled back (`cutover rollback`), so it cannot be resumed forward.",
            "Finish the rollback with `cutover rollback --run-dir DIR`, or cut over again from a new run directory."),
    NOTHING_TO_ROLL_BACK(
            2,
            "No step succeeded in this run, so `cutover rollback` has nothing to undo.",
            "Check `cutover status --run-dir DIR`: a failed step's rollback is offered in its failure dialog, which a"
                    + " resumed `cutover execute` asks again if the run stopped before it was answered."),
    ROLLBACK_STEP_IN_FLIGHT(
            3,
            "A step was in flight when the run stopped: its command, or the rollback its failure dialog approved,"
                    + " may have run without a recorded outcome, so `cutover rollback` does not start (it would leave"
                    + " that change out).",
            "Run `cutover execute --run-dir DIR --resume` first: it re-verifies a step in flight against the live"
                    + " system (done: stop at the next prompt with abort; not done: retry, skip or abort) and asks"
                    + " you to retry, skip or abort a step whose rollback has no outcome; then run `cutover rollback`"
                    + " again."),
    OPERATOR_ABORTED(5, "The operator aborted the run.", "Resume it later with --resume, or start a new run."),
    RUN_HALTED(
            1,
            "The run halted: a step failed, was blocked, or the operator stopped it.",
            "Read execution-report.md, then continue with --resume when ready."),
    PLAN_DRIFT(
            6,
            "The stored execution-steps.json differs from what the inputs compile to now or from the plan the"
                    + " run started with (the digest its journal recorded), or the plan gives a step another"
                    + " command than the journal shows approved.",
            "Restore the inputs (and execution-steps.json) the run was approved with, or start a new run"
                    + " directory for the changed plan."),
    JOURNAL_CORRUPT(
            6,
            "The journal is not the complete, unedited record it must be (bad line, broken hash chain, gap).",
            "Do not edit the journal; `cutover verify-journal` names the first bad line. Restore it from backup."),
    JOURNAL_TORN_TAIL(
            6,
            "The journal's last line is incomplete: the process died while appending it.",
            "Run `cutover repair --run-dir DIR` to set the torn bytes aside, then resume."),
    OUTPUT_SCHEMA_VIOLATION(
            70,
            "The compiler produced steps that violate the step schema; nothing was written.",
            "This is a bug in Cutover: report it with the run directory attached."),
    IO_FAILURE(
            70,
            "A file could not be read or written.",
            "Check permissions and free space on the run directory, then retry."),
    INTERNAL(70, "An unexpected internal error occurred.", "This is a bug in Cutover: report it with the stack trace.");

    private final int exitCode;
    private final String cause;
    private final String fix;

    ErrorCode(int exitCode, String cause, String fix) {
        this.exitCode = exitCode;
        this.cause = cause;
        this.fix = fix;
    }

    public int exitCode() {
        return exitCode;
    }

    public String cause() {
        return cause;
    }

    public String fix() {
        return fix;
    }
}
