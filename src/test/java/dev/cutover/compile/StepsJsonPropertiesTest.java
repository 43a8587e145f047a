package dev.cutover.compile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any list of steps reads back from its bytes into itself, and into what Jackson's data binding made of them. */
class StepsJsonPropertiesTest {
    private static final ObjectMapper DATA_BINDING = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final List<String> TEXTS = List.of(
            "", "true", "a\"b", "back\\slash", "line\nbreak", "tab\t", "\u0000nul", "ünïcødé", "😀 emoji", "</script>");

    @Property(tries = 300)
    void stepsReadBackAsWrittenAndAsDataBindingRead(@ForAll("plans") List<ExecutionStep> steps) throws Exception {
        byte[] bytes = StepsJson.write(steps);

        List<ExecutionStep> read = StepsJson.read(bytes);

        assertThat(read).isEqualTo(steps);
        assertThat(read).isEqualTo(DATA_BINDING.readValue(bytes, new TypeReference<List<ExecutionStep>>() {}));
    }

    @Provide
    Arbitrary<List<ExecutionStep>> plans() {
        return Arbitraries.randomValue(random -> {
            List<ExecutionStep> steps = new ArrayList<>();
            int n = random.nextInt(6);
            for (int i = 0; i < n; i++) {
                steps.add(step(random));
            }
            return steps;
        });
    }

    private static ExecutionStep step(Random r) {
        return new ExecutionStep(
                required(r),
                anyInt(r),
                text(r),
                text(r),
                text(r),
                text(r),
                text(r),
                text(r),
                required(r),
                required(r),
                required(r),
                text(r),
                r.nextBoolean(),
                text(r),
                text(r),
                texts(r),
                r.nextBoolean(),
                text(r),
                r.nextBoolean() ? null : anyInt(r),
                texts(r),
                text(r),
                anyInt(r),
                text(r),
                text(r),
                text(r),
                text(r),
                text(r),
                text(r),
                r.nextBoolean(),
                texts(r),
                texts(r),
                text(r),
                r.nextBoolean() ? null : anyInt(r));
    }

    private static String required(Random r) {
        return TEXTS.get(r.nextInt(TEXTS.size()));
    }

    private static String text(Random r) {
        return r.nextInt(4) == 0 ? null : required(r);
    }

    private static int anyInt(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> Integer.MIN_VALUE;
            case 1 -> Integer.MAX_VALUE;
            default -> r.nextInt();
        };
    }

    private static List<String> texts(Random r) {
        List<String> out = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            out.add(required(r));
        }
        return out;
    }
}
