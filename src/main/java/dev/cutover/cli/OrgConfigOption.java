package dev.cutover.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --org-config}: the organisation's environments.yaml, for the commands that apply the guardrails. */
public final class OrgConfigOption {
    @Option(
            names = "--org-config",
            paramLabel = "FILE",
            description = "The organisation's environments.yaml: accounts per environment class and the permission"
                    + " matrix (docs/environments.md). Default: $CUTOVER_ORG_CONFIG; with neither, the built-in"
                    + " matrix applies and accounts are not cross-checked.")
    Path orgConfig;
}
