package dev.cutover.app;

import java.util.List;

/**
 * What {@code cutover prepare-pipeline} created: one commit on a new branch of the operator's repository, never
 * pushed.
 *
 * @param repository the repository's top-level folder
 * @param branch the new branch
 * @param commit the commit's full hash
 * @param folder the run directory inside the repository, e.g. {@code cutover/northwind}
 * @param files every file the commit adds, relative to the repository
 * @param environment the environment class the change is for
 * @param runId the run id
 */
public record PreparedPipeline(
        String repository,
        String branch,
        String commit,
        String folder,
        List<String> files,
        String environment,
        String runId) {
    public PreparedPipeline {
        files = List.copyOf(files);
    }

    /** What to do next: review, push, open the pull request. Cutover itself never pushes. */
    public List<String> instructions() {
        return List.of(
                "Review:  git -C " + repository + " show --stat " + branch,
                "Push:    git -C " + repository + " push -u origin " + branch,
                "PR:      gh pr create --head " + branch + " --title \"Cutover " + runId + " (" + environment
                        + ")\" --body-file " + folder + "/CHANGE.md",
                "Gate:    give the GitHub environment `" + environment + "` required reviewers; the workflow runs"
                        + " only after they approve.");
    }
}
