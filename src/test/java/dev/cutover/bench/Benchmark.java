package dev.cutover.bench;

/** One benchmark of issue 7: it prints its figures through {@link BenchContext#figures()}. */
interface Benchmark {
    /** The name {@code bench/run} takes and that prefixes every figure. */
    String name();

    void run(BenchContext ctx) throws Exception;
}
