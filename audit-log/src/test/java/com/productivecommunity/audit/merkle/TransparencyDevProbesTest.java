package com.productivecommunity.audit.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every inclusion and consistency probe of transparency-dev/merkle's {@code testdata} (published
 * roots and proofs, good and deliberately broken ones; see {@code SOURCE.md} next to them) gives
 * the published outcome with our verifier.
 */
class TransparencyDevProbesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> inclusionProbes() throws Exception {
        return probes("inclusion").map(file -> DynamicTest.dynamicTest(name(file), () -> {
            JsonNode probe = JSON.readTree(file.toFile());
            boolean accepted;
            try {
                accepted = MerkleProofs.verifyInclusion(probe.get("leafIdx").asLong(), probe.get("treeSize").asLong(),
                        hash(probe.get("leafHash")), hashes(probe.get("proof")), hash(probe.get("root")));
            } catch (IllegalArgumentException notAHash) {
                // A value that is not 32 bytes cannot even be passed to the verifier: a rejection.
                accepted = false;
            }
            assertThat(accepted).as(probe.get("desc").asText()).isEqualTo(!probe.get("wantErr").asBoolean());
        }));
    }

    @TestFactory
    Stream<DynamicTest> consistencyProbes() throws Exception {
        return probes("consistency").map(file -> DynamicTest.dynamicTest(name(file), () -> {
            JsonNode probe = JSON.readTree(file.toFile());
            boolean accepted;
            try {
                accepted = MerkleProofs.verifyConsistency(probe.get("size1").asLong(), probe.get("size2").asLong(),
                        hash(probe.get("root1")), hash(probe.get("root2")), hashes(probe.get("proof")));
            } catch (IllegalArgumentException notAHash) {
                // Stricter by design: this probe accepts two equal 12-byte "roots" for equal sizes;
                // we refuse anything that is not a SHA-256 before comparing.
                if (probe.get("desc").asText().equals("sizes are equal (one) and proof is empty")) {
                    assertThat(probe.get("root1")).isEqualTo(probe.get("root2"));
                    return;
                }
                accepted = false;
            }
            assertThat(accepted).as(probe.get("desc").asText()).isEqualTo(!probe.get("wantErr").asBoolean());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyHappyPathProofIsTheOneWeProduce() throws Exception {
        MemoryHashStore store = Trees.store(Trees.leafHashes(Trees.RFC6962_LEAVES));
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : probes("inclusion").filter(f -> f.getFileName().toString().equals("happy-path.json")).toList()) {
            JsonNode probe = JSON.readTree(file.toFile());
            tests.add(DynamicTest.dynamicTest(name(file), () -> assertThat(
                    MerkleTree.inclusionProof(probe.get("leafIdx").asLong(), probe.get("treeSize").asLong(), store))
                    .isEqualTo(hashes(probe.get("proof")))));
        }
        for (Path file : probes("consistency").filter(f -> f.getFileName().toString().equals("happy-path.json")).toList()) {
            JsonNode probe = JSON.readTree(file.toFile());
            tests.add(DynamicTest.dynamicTest(name(file), () -> assertThat(
                    MerkleTree.consistencyProof(probe.get("size1").asLong(), probe.get("size2").asLong(), store))
                    .isEqualTo(hashes(probe.get("proof")))));
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(10);
        return tests.stream();
    }

    private static Stream<Path> probes(String kind) throws IOException, URISyntaxException {
        Path root = Path.of(TransparencyDevProbesTest.class.getResource("/transparency-dev-merkle/testdata/" + kind).toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("probes of %s", kind).hasSizeGreaterThan(50);
        return files.stream();
    }

    private static String name(Path file) {
        return file.getParent().getFileName() + "/" + file.getFileName();
    }

    private static Hash hash(JsonNode base64) {
        return Hash.of(Base64.getDecoder().decode(base64.asText()));
    }

    private static List<Hash> hashes(JsonNode array) {
        List<Hash> hashes = new ArrayList<>();
        if (array != null && !array.isNull()) {
            array.forEach(node -> hashes.add(hash(node)));
        }
        return hashes;
    }
}
