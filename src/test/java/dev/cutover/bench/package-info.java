/**
 * The benchmarks of issue 7 ({@code bench/run}, docs/performance.md): generators of run directories and journals,
 * and drivers that run the packaged jar as real processes and print one line per figure. Test-scope code, never
 * shipped in {@code target/cutover.jar}; its tests prove the generated inputs valid and never assert a timing.
 */
package dev.cutover.bench;
