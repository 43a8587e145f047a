package dev.cutover.app;

import dev.cutover.digest.Sha256;
import dev.cutover.error.CutoverException;
import dev.cutover.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the demo cutover: a sandbox run directory in the upstream format (both signed checklists, plans,
 * graph, ownership, {@code cutover.yaml}) plus the small local "service" it migrates — data files in
 * {@code service/source/demo-data}, a configuration file, the {@code service/live} symlink that plays the DNS
 * record, and {@code service/CHECKSUMS} recorded from the source for the validation step.
 *
 * <p>Dates are stamped from the clock so the checklists are signed today and never stale.
 */
public final class DemoRunDirectory {
    static final List<String> TEMPLATES = List.of(
            "cutover-checklist-control-plane.json",
            "cutover-checklist-control-plane.md",
            "cutover-checklist-data-plane.json",
            "cutover-checklist-data-plane.md",
            "data-migration-plan.json",
            "migration-plan.json",
            "dependency-graph.json",
            "hardcoded-values.json",
            "resource-ownership.json",
            "cutover.yaml");

    private static final Map<String, String> DATA_FILES = dataFiles();

    /** Created exclusively while the demo is written, removed once it is: the folder's one writer. */
    static final String CLAIM = ".cutover-demo-writing";

    private final Clock clock;

    public DemoRunDirectory(Clock clock) {
        this.clock = clock;
    }

    /**
     * Writes the demo into {@code dir}, which must not exist or be empty. The folder is claimed first with a
     * marker file created exclusively, so of two demos started on the same folder exactly one writes it and the
     * other is refused as "not empty"; without the claim both passed the emptiness check and wrote over each
     * other.
     */
    public Path write(Path dir) {
        try {
            Files.createDirectories(dir);
            Path claim = dir.resolve(CLAIM);
            try {
                Files.createFile(claim);
            } catch (FileAlreadyExistsException e) {
                throw notEmpty(dir);
            }
            try {
                requireNothingBut(claim, dir);
                writeInto(dir);
            } finally {
                Files.deleteIfExists(claim);
            }
            return dir;
        } catch (IOException e) {
            throw new CutoverException(ErrorCode.IO_FAILURE, "cannot write the demo into " + dir + ": " + e, e);
        }
    }

    private void writeInto(Path dir) throws IOException {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        for (String name : TEMPLATES) {
            String text = template(name)
                    .replace("@CAPTURED_AT@", now.toString())
                    .replace("@TODAY@", LocalDate.ofInstant(now, ZoneOffset.UTC).toString());
            Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        }
        writeService(dir.resolve("service"));
    }

    private static void writeService(Path service) throws IOException {
        Path data = Files.createDirectories(service.resolve("source").resolve("demo-data"));
        StringBuilder checksums = new StringBuilder();
        for (Map.Entry<String, String> f : DATA_FILES.entrySet()) {
            byte[] bytes = f.getValue().getBytes(StandardCharsets.UTF_8);
            Files.write(data.resolve(f.getKey()), bytes);
            // Paths are relative to the run directory, where commands run, and name the TARGET copy.
            checksums
                    .append(sha256(bytes))
                    .append("  service/target/demo-data/")
                    .append(f.getKey())
                    .append('\n');
        }
        Files.writeString(service.resolve("CHECKSUMS"), checksums.toString(), StandardCharsets.UTF_8);
        Files.writeString(
                service.resolve("source").resolve("app.conf"),
                "# demo service configuration\nlisten=127.0.0.1:8080\ndata_dir=demo-data\n",
                StandardCharsets.UTF_8);
        Files.createSymbolicLink(service.resolve("live"), Path.of("source", "demo-data"));
    }

    private static void requireNothingBut(Path claim, Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            if (entries.anyMatch(entry -> !entry.equals(claim))) {
                throw notEmpty(dir);
            }
        }
    }

    private static CutoverException notEmpty(Path dir) {
        return new CutoverException(
                ErrorCode.USAGE,
                dir + " is not empty (or another cutover demo is writing it); choose a new folder with --dir.");
    }

    private static String template(String name) throws IOException {
        try (InputStream in = DemoRunDirectory.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IOException("missing demo template " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    private static Map<String, String> dataFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("orders.csv", "order_id,customer_id,total\norder-1001,c-17,42.50\norder-1002,c-23,7.99\n");
        files.put("customers.csv", "customer_id,name\nc-17,Ada\nc-23,Grace\n");
        files.put("inventory.csv", "sku,count\nwidget,12\ngadget,3\n");
        return Collections.unmodifiableMap(files);
    }
}
