package dev.cutover.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies a failed command's stderr (access denied, not found, already exists, rate limited, expired
 * credentials, Terraform lock, validation error, unknown) and names concrete next moves. The patterns are data
 * ({@code error-patterns.json}), so they can grow with the errors operators actually meet.
 */
final class ErrorAnalysis {
    static final String UNKNOWN = "unknown";
    private static final Pattern OPERATION = Pattern.compile("when calling the (\\w+) operation");

    /** The verdict on one failure. */
    record Analysis(String category, String explanation, List<String> resolutions) {
        Analysis {
            resolutions = List.copyOf(resolutions);
        }

        String render() {
            StringBuilder b = new StringBuilder("  analysis: ")
                    .append(category)
                    .append(" — ")
                    .append(explanation);
            for (int i = 0; i < resolutions.size(); i++) {
                b.append("\n    ").append(i + 1).append(". ").append(resolutions.get(i));
            }
            return b.append('\n').toString();
        }
    }

    private record Category(String name, List<String> patterns, String explanation, List<String> resolutions) {}

    private final List<Category> categories;

    private ErrorAnalysis(List<Category> categories) {
        this.categories = List.copyOf(categories);
    }

    /** The shipped patterns. */
    static ErrorAnalysis load() {
        try (InputStream in = ErrorAnalysis.class.getResourceAsStream("/error-patterns.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Category> list = new ArrayList<>();
            for (JsonNode c : root.path("categories")) {
                list.add(new Category(
                        c.path("category").asText(),
                        texts(c.path("patterns")),
                        c.path("explanation").asText(),
                        texts(c.path("resolutions"))));
            }
            return new ErrorAnalysis(list);
        } catch (IOException e) {
            throw new UncheckedIOException("error-patterns.json is part of the build", e);
        }
    }

    /**
     * The first category whose pattern occurs in {@code stderr}, with the operation and profile filled in.
     *
     * @param knownProfile the profile the failing command used, or null when unknown
     */
    Analysis classify(String stderr, String knownProfile) {
        String text = stderr == null ? "" : stderr;
        Matcher op = OPERATION.matcher(text);
        String operation = op.find() ? op.group(1) : "the operation";
        String profile = knownProfile == null ? "the profile" : knownProfile;
        for (Category c : categories) {
            if (c.patterns().stream().anyMatch(text::contains)) {
                return new Analysis(
                        c.name(),
                        fill(c.explanation(), operation, profile),
                        c.resolutions().stream()
                                .map(r -> fill(r, operation, profile))
                                .toList());
            }
        }
        return new Analysis(
                UNKNOWN,
                "no known error pattern in the output",
                List.of("read the full stderr log named above", "retry only once you know why it failed"));
    }

    private static String fill(String template, String operation, String profile) {
        return template.replace("{operation}", operation).replace("{profile}", profile);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
