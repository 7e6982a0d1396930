package com.productivecommunity.audit.export;

import com.productivecommunity.audit.event.LoggedEvent;
import com.productivecommunity.audit.head.SignedTreeHead;
import com.productivecommunity.audit.merkle.Hash;

/** One line of an export, as read. */
public sealed interface ExportLine {

    /** First line: the format and the key the tree heads are signed with. */
    record Header(int version, int leafEncoding, String publicKeyPem, String keyId) implements ExportLine {
    }

    /** An event as stored, with the leaf hash the log recorded for it when it was appended. */
    record Event(LoggedEvent event, Hash leafHash) implements ExportLine {
    }

    /** A signed tree head, placed right after the event at position {@code size}. */
    record TreeHead(SignedTreeHead signed) implements ExportLine {
    }

    /** Last line: how many events and tree heads the export holds, so a cut file is noticed. */
    record End(long events, long treeHeads) implements ExportLine {
    }
}
