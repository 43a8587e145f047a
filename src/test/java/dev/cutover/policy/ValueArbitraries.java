package dev.cutover.policy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Values for substitution properties: safe ones, shell-hostile ones and arbitrary unicode. */
final class ValueArbitraries {
    private static final String HOSTILE = "'\"$`\\ \n\t\r;&|*?[]{}<>()#~!%^=,.:/@+_-";
    private static final String SAFE_FIRST = "ABCXYZabcxyz0189/";
    private static final String SAFE_REST = SAFE_FIRST + "._:/@+=,-";

    private ValueArbitraries() {}

    static Arbitrary<String> safe() {
        Arbitrary<String> generated = Arbitraries.strings()
                .withChars(SAFE_FIRST)
                .ofLength(1)
                .flatMap(first -> Arbitraries.strings()
                        .withChars(SAFE_REST)
                        .ofMaxLength(16)
                        .map(rest -> first + rest));
        Arbitrary<String> tricky = Arbitraries.of(
                "a...b",
                "/",
                "//",
                "a=b",
                "x,y",
                "9",
                "/etc/passwd",
                "a:b:c",
                "0x",
                "a--b",
                "Z@host",
                "a+b",
                "arn:aws:rds:eu-west-1:222222222222:snapshot:snap-1",
                "s3://bucket/prefix/",
                "1.2.3.4");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, generated), net.jqwik.api.Tuple.of(1, tricky));
    }

    static Arbitrary<String> hostile() {
        Arbitrary<String> shelly =
                Arbitraries.strings().withChars(HOSTILE + "abc019").ofMaxLength(12);
        Arbitrary<String> tricky = Arbitraries.of(
                "",
                " ",
                "-rf",
                "--profile",
                "'",
                "\"",
                "a'b",
                "a b",
                "$HOME",
                "${HOME}",
                "$(id)",
                "`id`",
                "a\\",
                "x;id",
                "a&&id",
                "a|id",
                "*",
                "?",
                "[ab]",
                "{a,b}",
                "~",
                "~root",
                "a\nb",
                "…",
                "ä",
                "-",
                "{target-acct}",
                "<id>",
                "$MIGRATION_TARGET_PROFILE",
                "a#b",
                "file:///root/.aws/credentials",
                "FileB://key.pem",
                "\u0000");
        return Arbitraries.oneOf(
                shelly, tricky, nearlySafe(), Arbitraries.strings().all().ofMaxLength(10));
    }

    /** A safe value with one hostile character spliced in: the values V exists to refuse. */
    static Arbitrary<String> nearlySafe() {
        Arbitrary<Character> bad = Arbitraries.of(
                "'\"$`\\ \n\t;&|*?[]{}<>()#~!%^".chars().mapToObj(c -> (char) c).toList());
        return net.jqwik.api.Combinators.combine(
                        safe(), bad, Arbitraries.integers().between(0, 16))
                .as((value, c, at) -> {
                    int cut = Math.min(at, value.length());
                    return value.substring(0, cut) + c + value.substring(cut);
                });
    }

    static Arbitrary<String> any() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, safe()), net.jqwik.api.Tuple.of(1, hostile()));
    }
}
