package dev.cutover.input;

import java.util.List;

/** dependency-graph.json: {@code from} depends on {@code to}; only the edges are used by the compiler. */
public record DependencyGraph(List<Edge> edges) {
    public DependencyGraph {
        edges = edges == null ? List.of() : List.copyOf(edges);
    }

    public record Edge(String from, String to, String relation, String context) {}
}
