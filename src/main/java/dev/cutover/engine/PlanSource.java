package dev.cutover.engine;

/**
 * Loads and compiles the run directory when pre-flight reaches check 3 (the app layer implements it with the
 * compiler); throws {@code CutoverException} for invalid input or compile errors.
 */
@FunctionalInterface
public interface PlanSource {
    LoadedPlan load();
}
