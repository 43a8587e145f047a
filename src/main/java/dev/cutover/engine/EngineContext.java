package dev.cutover.engine;

import dev.cutover.approval.Approver;
import dev.cutover.input.RunDirectory;
import dev.cutover.policy.CommandLint;
import java.io.PrintWriter;
import java.time.Clock;

/**
 * The collaborators one walk shares. Time ({@link Clock}, {@link Sleeper}) and the operator's answers
 * ({@link Approver}) are injected, so every rule can be tested without waiting or typing. Notifications of the
 * events that matter go through {@link RunNotifications}, which never blocks.
 */
record EngineContext(
        RunDirectory runDir,
        Clock clock,
        Sleeper sleeper,
        Approver approver,
        PrintWriter out,
        RunJournal journal,
        StepCommands commands,
        Prompts prompts,
        FreezeTracker freezes,
        SsoProbe sso,
        CommandLint lint,
        EngineSettings settings,
        RunNotifications notifications) {}
