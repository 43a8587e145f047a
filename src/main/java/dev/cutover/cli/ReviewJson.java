package dev.cutover.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cutover.app.ReviewService;
import dev.cutover.review.Finding;
import dev.cutover.review.Review;
import dev.cutover.review.RtoAssessment;
import dev.cutover.review.Status;

/**
 * The review as one JSON object with a fixed key order (docs/commands/review.md): verdict, counts, steps, point
 * of no return, findings, rto. No paths or clocks, so the same inputs give the same bytes wherever they live.
 */
final class ReviewJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ReviewJson() {}

    static ObjectNode of(ReviewService.Result result) {
        Review review = result.review();
        ObjectNode root = NODES.objectNode();
        root.put("verdict", review.verdict().name());
        ObjectNode counts = root.putObject("counts");
        for (Status s : Status.values()) {
            counts.put(s.name(), review.count(s));
        }
        root.put("steps", result.steps());
        root.put("point_of_no_return", result.pointOfNoReturn().orElse(null));
        ArrayNode findings = root.putArray("findings");
        for (Finding f : review.findings()) {
            findings.addObject()
                    .put("check", f.check())
                    .put("status", f.status().name())
                    .put("subject", f.subject())
                    .put("message", f.message())
                    .put("fix", f.fix());
        }
        root.set("rto", rto(review.rto()));
        return root;
    }

    private static ObjectNode rto(RtoAssessment rto) {
        ObjectNode node = NODES.objectNode();
        node.put("declared", rto.declared());
        node.put("rto_minutes", rto.configuredMinutes());
        ArrayNode phases = node.putArray("phases");
        for (RtoAssessment.PhaseRollback p : rto.phases()) {
            ObjectNode phase = phases.addObject()
                    .put("phase", p.phase())
                    .put("name", p.name())
                    .put("subject", p.subject())
                    .put("estimate_minutes", p.estimateMinutes())
                    .put("rto_minutes", p.rtoMinutes())
                    .put("rto_source", p.rtoSource())
                    .put("over_rto", p.overRto());
            ArrayNode steps = phase.putArray("steps");
            p.steps()
                    .forEach(s -> steps.addObject()
                            .put("step_id", s.stepId())
                            .put("minutes", s.minutes())
                            .put("estimated", s.estimated()));
        }
        return node;
    }
}
