package com.productivecommunity.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.productivecommunity.audit.event.LoggedEvent;
import com.productivecommunity.audit.export.ExportWriter;
import com.productivecommunity.audit.head.SigningKeys;
import com.productivecommunity.audit.merkle.MerkleTree;
import com.productivecommunity.audit.verify.Failure.Kind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ExportWriter#asStored}: the platform exports what its database holds, so a row deleted since it was
 * logged leaves a gap that the verifier names, where the strict writer refuses to write it at all.
 */
class AsStoredExportTest {

    private final SampleLog log = new SampleLog(50, 10, SigningKeys.generate());

    @TempDir
    Path scratch;

    private byte[] exportWithout(long missing, ExportWriter writer, ByteArrayOutputStream out) {
        writer.header(log.keys.getPublic());
        int next = 0;
        for (LoggedEvent event : log.events) {
            if (event.position() != missing) {
                writer.event(event, MerkleTree.leafHash(event.leafIndex(), log.store));
            }
            while (next < log.heads.size() && log.heads.get(next).head().size() == event.position()) {
                writer.treeHead(log.heads.get(next++));
            }
        }
        writer.end();
        return out.toByteArray();
    }

    @Test
    void aMissingRowIsWrittenAsAGapAndTheVerifierNamesIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] export = exportWithout(23, ExportWriter.asStored(out), out);
        VerificationReport report = new ExportVerifier(log.keys.getPublic(), scratch).verify(new ByteArrayInputStream(export));
        assertThat(report.failure()).isPresent();
        assertThat(report.failure().get().kind()).isEqualTo(Kind.POSITION);
        assertThat(report.failure().get().position()).isEqualTo(23);
    }

    @Test
    void theStrictWriterRefusesTheGap() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> exportWithout(23, new ExportWriter(out), out)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUntouchedHistoryWrittenAsStoredVerifies() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] export = exportWithout(-1, ExportWriter.asStored(out), out);
        assertThat(new ExportVerifier(log.keys.getPublic(), scratch).verify(new ByteArrayInputStream(export)).failure())
                .isEmpty();
    }
}
