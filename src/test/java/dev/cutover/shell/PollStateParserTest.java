package dev.cutover.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PollStateParserTest {

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            SUCCESS\\n                       | 0 | plain line
            "available"\\n                   | 0 | double quotes
            'Complete'\\r\\n                 | 0 | single quotes and CRLF
            \\n\\n  "stopped"  \\nfailed\\n  | 0 | first non-blank line wins
            \\r\\n\\t\\r\\nIN_PROGRESS\\r\\n | 0 | blank CRLF lines skipped
            \\tRUNNING\\tmore\\n             | 0 | tabs trimmed at the ends only
            "it's"                           | 0 | no trailing newline
            """)
    void readsTheFirstNonBlankLineTrimmed(String stdout, int exitCode, String why) {
        String expected = switch (why) {
            case "plain line" -> "SUCCESS";
            case "double quotes" -> "available";
            case "single quotes and CRLF" -> "Complete";
            case "first non-blank line wins" -> "stopped";
            case "blank CRLF lines skipped" -> "IN_PROGRESS";
            case "tabs trimmed at the ends only" -> "RUNNING\tmore";
            default -> "it's";
        };

        assertThat(PollStateParser.parse(unescape(stdout), exitCode)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            available\\n     | 1   | non-zero exit
            available\\n     | 124 | timed out
            ``               | 0   | empty output
            \\n  \\r\\n\\t\\n | 0   | only blank lines
            ""\\nlater\\n    | 0   | empty JSON string names no state
            '  '\\n          | 0   | quoted spaces
            """)
    void reportsUnknown(String stdout, int exitCode, String why) {
        assertThat(PollStateParser.parse(unescape(stdout), exitCode)).isEqualTo(PollStateParser.UNKNOWN);
    }

    private static String unescape(String text) {
        return text.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t");
    }
}
