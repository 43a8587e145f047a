package dev.cutover.input;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** dependency-graph.json: {@code from} depends on {@code to}; only the edges are used by the compiler. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DependencyGraph(List<Edge> edges) {
    public DependencyGraph {
        edges = edges == null ? List.of() : List.copyOf(edges);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Edge(String from, String to, String relation, String context) {}
}
