package dev.cutover.journal;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators for random but valid entry drafts, with multi-byte text, quotes and newlines in free text. */
final class JournalArbitraries {
    private static final List<String> STEPS = List.of(
            JournalEntry.RUN_STEP_ID,
            "cp-phase1-010-vpc-terraform-apply",
            "cp-phase6-999-handoff-to-data-plane",
            "dp-phase2-010-assets-datasync-start",
            "dp-phase4-030-orders-route53-change");

    private JournalArbitraries() {}

    static Arbitrary<String> text() {
        Arbitrary<String> plain = Arbitraries.strings()
                .withCharRange(' ', '~')
                .withChars('é', 'ü', '€', '日', '\n', '"', '\\', '\t', '\u0001')
                .ofMaxLength(60);
        return Arbitraries.oneOf(
                plain, plain.map(s -> s + "😀"), Arbitraries.just(null).map(x -> (String) x));
    }

    static Arbitrary<EntryDraft> drafts() {
        Arbitrary<String> step = Arbitraries.of(STEPS);
        Arbitrary<JournalEvent> event = Arbitraries.of(JournalEvent.class);
        Arbitrary<Integer> exit = Arbitraries.integers().between(-1, 255).injectNull(0.3);
        return Combinators.combine(step, event, exit, text(), text(), text())
                .as((s, e, x, out, err, notes) -> new EntryDraft(
                        s, s.charAt("cp-phase".length()) - '0', e, "alice", notes, x, out, err, null, notes));
    }

    static Arbitrary<List<EntryDraft>> journals(int maxEntries) {
        return drafts().list().ofMaxSize(maxEntries);
    }
}
