package dev.cutover.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The built-in classes of FORMATS.md §4.3 for one {@code aws} stage: forbidden and read-only operations, profile. */
final class AwsRules {
    static final String SOURCE_PROFILE = "$MIGRATION_SOURCE_PROFILE";
    static final String TARGET_PROFILE = "$MIGRATION_TARGET_PROFILE";

    private static final Set<String> NEVER = Set.of(
            "get-secret-value",
            "batch-get-secret-value",
            "decrypt",
            "get-session-token",
            "get-login-password",
            "get-authorization-token",
            "get-role-credentials");
    // Beyond §4.3's list: these also print credentials to stdout, which ends up in logs and the journal.
    private static final Set<String> PRINTS_CREDENTIALS = Set.of(
            "assume-role",
            "assume-role-with-saml",
            "assume-role-with-web-identity",
            "get-federation-token",
            "create-access-key",
            "export-credentials",
            "get-login",
            "generate-db-auth-token",
            "get-credentials-for-identity",
            "get-token", // eks: a bearer token for the cluster
            "get-cluster-credentials", // redshift: a database user and password
            "get-cluster-credentials-with-iam",
            "get-credentials", // redshift-serverless: a database user and password
            "get-instance-access-details", // lightsail: an SSH private key or the Windows password
            "create-service-specific-credential", // iam: a CodeCommit/Keyspaces password
            "reset-service-specific-credential");
    // Options that make an otherwise harmless read print a secret: API key values, the Windows
    // administrator password decrypted with a local key. Keyed by "service operation".
    private static final Map<String, String> SECRET_OPTIONS = Map.of(
            "apigateway get-api-keys", "--include-values",
            "apigateway get-api-key", "--include-value",
            "ec2 get-password-data", "--priv-launch-key");
    // Streaming downloads: the AWS CLI writes the body to the local path given as last argument, which
    // could be the journal or a log. They look like reads (get-), but read commands must not write files.
    private static final Set<String> WRITES_LOCAL_FILE = Set.of(
            "s3api get-object",
            "s3api get-object-torrent",
            "glacier get-job-output",
            "apigateway get-export",
            "apigateway get-sdk",
            "mediastore-data get-object",
            "kinesis-video-media get-media",
            "kinesis-video-archived-media get-clip",
            "ebs get-snapshot-block",
            "codeartifact get-package-version-asset");
    /**
     * Options these rules and {@link CommandNormalizer} find by full name. The AWS CLI parses with Python's
     * argparse, which reads any unambiguous prefix of a long option as that option ({@code --prof x} is
     * {@code --profile x}) and lets the last occurrence win, so an abbreviation would slip past every check
     * on the full name.
     */
    static final List<String> CHECKED_OPTIONS =
            List.of("--profile", "--with-decryption", "--dryrun", "--query", "--output", "--account-id");

    private static final Pattern READ_OPERATION = Pattern.compile("^(describe|list|get|head)-.*");
    private static final Set<String> PROFILE_WORDS =
            Set.of(SOURCE_PROFILE, TARGET_PROFILE, '"' + SOURCE_PROFILE + '"', '"' + TARGET_PROFILE + '"');

    private AwsRules() {}

    /** Appends to {@code reasons} every way {@code stage} (an aws stage) breaks the built-in classes. */
    static void check(Stage stage, CommandRole role, List<String> reasons) {
        checkOperation(stage, role, reasons);
        if (hasOptionOrAbbreviation(stage, "--with-decryption")) {
            reasons.add("aws `--with-decryption` is never allowed: it would print secret values");
        }
        checkAbbreviations(stage, reasons);
        checkProfile(stage, reasons);
    }

    private static void checkAbbreviations(Stage stage, List<String> reasons) {
        for (String option : CHECKED_OPTIONS) {
            for (String abbreviation : abbreviations(stage, option)) {
                reasons.add("aws option `" + abbreviation + "` abbreviates `" + option
                        + "` (the AWS CLI accepts any unambiguous prefix); spell `" + option
                        + "` in full, and only once");
            }
        }
    }

    private static boolean hasOptionOrAbbreviation(Stage stage, String option) {
        return stage.hasOption(option) || !abbreviations(stage, option).isEmpty();
    }

    /** The option names in {@code stage} (text before any {@code =}) that are proper prefixes of {@code option}. */
    static List<String> abbreviations(Stage stage, String option) {
        return stage.words().stream()
                .skip(1)
                .map(word -> word.value().split("=", 2)[0])
                // `--` alone ends the options; it abbreviates nothing
                .filter(name -> name.startsWith("--") && name.length() > 2)
                .filter(name -> name.length() < option.length() && option.startsWith(name))
                .toList();
    }

    private static void checkOperation(Stage stage, CommandRole role, List<String> reasons) {
        Optional<String> service = stage.wordValue(1);
        Optional<String> operation = stage.wordValue(2);
        if (service.isEmpty() || operation.isEmpty()) {
            reasons.add("aws needs a service and an operation (`aws <service> <operation> …`)");
            return;
        }
        if (service.get().startsWith("-") || operation.get().startsWith("-")) {
            reasons.add("aws options must follow the service and operation; found `"
                    + (service.get().startsWith("-") ? service.get() : operation.get()) + "` before them");
            return;
        }
        String op = operation.get();
        String secretOption = SECRET_OPTIONS.get(service.get() + " " + op);
        if (NEVER.contains(op) || PRINTS_CREDENTIALS.contains(op) || isConfigureGet(service.get(), op)) {
            reasons.add("aws operation `" + op + "` is never allowed: it reveals secrets or credentials");
        } else if (secretOption != null && hasOptionOrAbbreviation(stage, secretOption)) {
            reasons.add("aws `" + op + " " + secretOption + "` is never allowed: it would print secret values");
        } else if (role == CommandRole.READ && WRITES_LOCAL_FILE.contains(service.get() + " " + op)) {
            reasons.add("aws `" + service.get() + " " + op + "` writes a local file; read commands may not");
        } else if (role == CommandRole.READ && !readOnly(stage, service.get(), op)) {
            reasons.add("aws `" + service.get() + " " + op
                    + "` is not read-only; read commands may only describe-, list-, get-, head-, s3 ls"
                    + " or s3 sync --dryrun");
        }
    }

    private static boolean isConfigureGet(String service, String operation) {
        // `aws configure get aws_secret_access_key` prints the stored secret key
        return service.equals("configure") && operation.equals("get");
    }

    private static boolean readOnly(Stage stage, String service, String operation) {
        if (service.equals("s3")) {
            return operation.equals("ls") || (operation.equals("sync") && stage.hasOption("--dryrun"));
        }
        return READ_OPERATION.matcher(operation).matches();
    }

    private static void checkProfile(Stage stage, List<String> reasons) {
        int count = stage.optionCount("--profile");
        if (count != 1) {
            reasons.add(
                    count == 0
                            ? "aws needs `--profile $MIGRATION_SOURCE_PROFILE` or `--profile $MIGRATION_TARGET_PROFILE`"
                            : "aws has " + count + " `--profile` options; exactly one is allowed");
            return;
        }
        Optional<String> raw = rawProfile(stage);
        if (raw.isEmpty() || !PROFILE_WORDS.contains(raw.get())) {
            reasons.add("aws `--profile` must be followed by $MIGRATION_SOURCE_PROFILE or"
                    + " $MIGRATION_TARGET_PROFILE, found `" + raw.orElse("") + "`");
        }
    }

    /** The profile as written (quotes kept), so that '$X' (not expanded by bash) is told apart from "$X". */
    static Optional<String> rawProfile(Stage stage) {
        List<Word> words = stage.words();
        for (int i = 0; i < words.size(); i++) {
            Word word = words.get(i);
            if (word.value().equals("--profile")) {
                return i + 1 < words.size() ? Optional.of(words.get(i + 1).raw()) : Optional.empty();
            }
            if (word.value().startsWith("--profile=")) {
                return word.raw().startsWith("--profile=")
                        ? Optional.of(word.raw().substring("--profile=".length()))
                        : Optional.of(word.raw());
            }
        }
        return Optional.empty();
    }

    /** The profile variable of a stage whose profile is one of the two allowed words, unquoted. */
    static Optional<String> profileVariable(Stage stage) {
        return rawProfile(stage).filter(PROFILE_WORDS::contains).map(raw -> raw.replace("\"", ""));
    }
}
