package dev.cutover.policy;

/** The quoting context of every character of a command string, as the lexer saw it. */
final class QuoteContext {
    static final byte BARE = 0;
    static final byte SINGLE = 1;
    static final byte DOUBLE = 2;

    private final byte[] contexts;

    private QuoteContext(byte[] contexts) {
        this.contexts = contexts;
    }

    /** The context of the character at {@code offset}: {@link #BARE}, {@link #SINGLE} or {@link #DOUBLE}. */
    byte at(int offset) {
        return contexts[offset];
    }

    /** Whether the character at {@code offset} sits inside single or double quotes. */
    boolean quoted(int offset) {
        return contexts[offset] != BARE;
    }

    /** Collects contexts while lexing; unmarked characters are bare. */
    static final class Builder {
        private final byte[] contexts;

        Builder(int length) {
            this.contexts = new byte[length];
        }

        void mark(int offset, byte context) {
            contexts[offset] = context;
        }

        byte at(int offset) {
            return contexts[offset];
        }

        QuoteContext build() {
            return new QuoteContext(contexts.clone());
        }
    }
}
