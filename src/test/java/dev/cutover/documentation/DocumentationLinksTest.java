package dev.cutover.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in the project's Markdown (README, the files next to it, docs/) leads somewhere: the file
 * or folder exists, and a {@code #fragment} names a heading of the file it points into (GitHub's anchors). An
 * operator following the docs at 2 a.m. should not land on a 404 or on the top of a long page.
 */
class DocumentationLinksTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

    @Test
    void everyRelativeLinkLeadsToAFileAndAHeadingThatExist() throws IOException {
        List<Path> pages = markdownPages();
        List<String> broken = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        for (Path page : pages) {
            for (Link link : links(page)) {
                checked.add(ROOT.relativize(page) + " -> " + link.target());
                String problem = check(page, link, anchors);
                if (problem != null) {
                    broken.add(ROOT.relativize(page) + ":" + link.line() + ": (" + link.target() + ") " + problem);
                }
            }
        }

        assertThat(pages).as("the Markdown pages checked").contains(ROOT.resolve("README.md"));
        assertThat(checked)
                .as("the links checked")
                .contains("README.md -> docs/performance.md#start-up-options-of-cutover")
                .hasSizeGreaterThan(50);
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void anchorsFollowGitHubsRules() {
        assertThat(anchor("Start-up options of ./cutover")).isEqualTo("start-up-options-of-cutover");
        assertThat(anchor("1. Window (`window`)")).isEqualTo("1-window-window");
        assertThat(anchor("Session 7: picocli in the archive, no formatter (`6e8940f`)"))
                .isEqualTo("session-7-picocli-in-the-archive-no-formatter-6e8940f");
        assertThat(anchor("See [the journal](journal.md) — **rules**")).isEqualTo("see-the-journal--rules");
    }

    private static String check(Path page, Link link, Map<Path, Set<String>> anchors) throws IOException {
        String target = link.target();
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!resolved.startsWith(ROOT)) {
            return "points outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file";
        }
        if (fragment == null || !resolved.toString().endsWith(".md")) {
            return null;
        }
        Set<String> known = anchors.computeIfAbsent(resolved, DocumentationLinksTest::anchorsOf);
        return known.contains(fragment) ? null : "no heading with the anchor #" + fragment;
    }

    private static List<Path> markdownPages() throws IOException {
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> top = Files.list(ROOT)) {
            top.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
        }
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
        }
        pages.sort(null);
        return pages;
    }

    private record Link(int line, String target) {}

    /** A line of the page's text outside code fences, with its 1-based number: where links and headings count. */
    private record ProseLine(int number, String text) {}

    private static List<ProseLine> prose(Path page) throws IOException {
        List<ProseLine> prose = new ArrayList<>();
        boolean fenced = false;
        List<String> lines = Files.readAllLines(page);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
            } else if (!fenced) {
                prose.add(new ProseLine(i + 1, line));
            }
        }
        return prose;
    }

    private static List<Link> links(Path page) throws IOException {
        List<Link> links = new ArrayList<>();
        for (ProseLine line : prose(page)) {
            Matcher m = LINK.matcher(INLINE_CODE.matcher(line.text()).replaceAll(""));
            while (m.find()) {
                String target = m.group(1);
                if (!target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    links.add(new Link(line.number(), target));
                }
            }
        }
        return links;
    }

    private static Set<String> anchorsOf(Path page) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        try {
            for (ProseLine line : prose(page)) {
                Matcher html = HTML_ANCHOR.matcher(line.text());
                while (html.find()) {
                    anchors.add(html.group(1));
                }
                Matcher heading = HEADING.matcher(line.text());
                if (heading.matches()) {
                    String base = anchor(heading.group(1));
                    int n = seen.merge(base, 1, Integer::sum) - 1;
                    // GitHub numbers repeated headings: the second "Usage" is #usage-1.
                    anchors.add(n == 0 ? base : base + "-" + n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return anchors;
    }

    /** GitHub's anchor for a heading: its text as shown, lower case, punctuation dropped, spaces as hyphens. */
    static String anchor(String heading) {
        String shown = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("[`*]", "");
        StringBuilder out = new StringBuilder();
        for (char c : shown.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                out.append(c);
            } else if (c == ' ') {
                out.append('-');
            }
        }
        return out.toString();
    }
}
