package com.productivecommunity.command.audit;

import com.productivecommunity.audit.head.SignedTreeHead;
import com.productivecommunity.audit.head.SigningKeys;
import com.productivecommunity.audit.head.TreeHeadSigner;
import com.productivecommunity.audit.merkle.Hash;
import com.productivecommunity.audit.merkle.MerkleTree;
import com.productivecommunity.audit.verify.Failure;
import com.productivecommunity.support.security.Member;
import com.productivecommunity.support.web.ConflictException;
import com.productivecommunity.support.web.ForbiddenException;
import com.productivecommunity.support.web.Ids;
import com.productivecommunity.support.web.InvalidInputException;
import com.productivecommunity.support.web.NotFoundException;
import com.productivecommunity.support.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log over HTTP, for AUDITORs only (anyone else: 403): the latest signed tree head, inclusion and
 * consistency proofs against signed heads, the public key, the export the offline verifier reads, and the status of
 * the log's own background check (what the {@code auditLog} health contributor shows OPERATOR).
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    static final String JSONL = "application/jsonl";

    private final TreeHeads heads;
    private final JdbcHashStore hashes;
    private final TreeHeadSigner signer;
    private final AuditExport export;
    private final JdbcTemplate jdbc;
    private final AuditRecheck recheck;
    private final AuditAppender appender;

    AuditController(TreeHeads heads, JdbcHashStore hashes, TreeHeadSigner signer, AuditExport export, JdbcTemplate jdbc,
                    AuditRecheck recheck, AuditAppender appender) {
        this.heads = heads;
        this.hashes = hashes;
        this.signer = signer;
        this.export = export;
        this.jdbc = jdbc;
        this.recheck = recheck;
        this.appender = appender;
    }

    record TreeHeadResponse(long size, String root, String timestamp, String signature) {
    }

    record InclusionResponse(long position, UUID eventId, long globalIndex, long leafIndex, String leafHash,
                             long treeSize, List<String> proof, TreeHeadResponse treeHead) {
    }

    record ConsistencyResponse(long from, long to, String fromRoot, String toRoot, List<String> proof,
                               TreeHeadResponse treeHead) {
    }

    /** The log's own check, as the {@code auditLog} health contributor sees it, for the auditor. */
    record StatusResponse(String status, long size, SignedHeadStatus treeHead, String keyId, CheckStatus check) {
    }

    record SignedHeadStatus(long size, String root, String timestamp, String signature, String keyId) {
    }

    record CheckStatus(long passes, long checkedUpTo, String lastPassAt, FailureStatus failure, long appendedLate,
                       int watchedGaps) {
    }

    record FailureStatus(String kind, Long position, String detail) {
    }

    @GetMapping("/status")
    StatusResponse status(Member member) {
        requireAuditor(member);
        Optional<Failure> failure = recheck.current();
        long passes = recheck.passes();
        String status = failure.isPresent() ? "FAILED" : passes == 0 ? "PENDING" : "OK";
        SignedHeadStatus head = heads.latest().map(signed -> new SignedHeadStatus(signed.head().size(),
                signed.head().root().base64(), Instant.ofEpochMilli(signed.head().timestampMillis()).toString(),
                signed.signatureBase64(), jdbc.queryForList("SELECT key_id FROM audit_tree_head WHERE size = ?",
                        String.class, signed.head().size()).stream().findFirst().orElse(null))).orElse(null);
        Instant lastPass = recheck.lastPassAt();
        return new StatusResponse(status, appender.size(), head, SigningKeys.keyId(signer.publicKey()),
                new CheckStatus(passes, recheck.checkedUpTo(), lastPass == null ? null : lastPass.toString(),
                        failure.map(f -> new FailureStatus(f.kind().name(), f.position(), f.describe())).orElse(null),
                        appender.appendedLate(), appender.watchedGaps()));
    }

    @GetMapping("/tree-head")
    TreeHeadResponse treeHead(Member member) {
        requireAuditor(member);
        return response(latest());
    }

    @GetMapping("/inclusion")
    InclusionResponse inclusion(Member member, @RequestParam(required = false) String eventId,
                                @RequestParam(required = false) String position,
                                @RequestParam(required = false) String treeSize) {
        requireAuditor(member);
        if ((eventId == null) == (position == null)) {
            throw new InvalidInputException(eventId == null ? "eventId" : "position",
                    "give either 'eventId' or 'position'");
        }
        Long leafPosition;
        if (eventId != null) {
            UUID id = uuid("eventId", eventId);
            List<Long> found = jdbc.queryForList("SELECT l.position FROM audit_leaf l JOIN domain_event_entry e"
                    + " ON e.global_index = l.global_index WHERE e.event_identifier = ?", Long.class, id.toString());
            if (found.isEmpty()) {
                throw new NotFoundException("No logged event " + id);
            }
            leafPosition = found.get(0);
        } else {
            leafPosition = number("position", position, 1);
        }
        SignedTreeHead head = head("treeSize", treeSize);
        if (leafPosition > head.head().size()) {
            if (treeSize == null) {
                throw new ConflictException("Position " + leafPosition + " is not covered by a signed tree head yet"
                        + " (the latest has size " + head.head().size() + "); heads are signed every few seconds");
            }
            throw new InvalidInputException("position", "position " + leafPosition + " is beyond the tree size "
                    + head.head().size());
        }
        var leaf = jdbc.queryForList("SELECT l.global_index, e.event_identifier FROM audit_leaf l LEFT JOIN"
                + " domain_event_entry e ON e.global_index = l.global_index WHERE l.position = ?", leafPosition);
        if (leaf.isEmpty()) {
            throw new NotFoundException("No leaf at position " + leafPosition);
        }
        Object storedId = leaf.get(0).get("event_identifier");
        long leafIndex = leafPosition - 1;
        List<Hash> proof = MerkleTree.inclusionProof(leafIndex, head.head().size(), hashes);
        return new InclusionResponse(leafPosition, storedId == null ? null : uuidOrNull(storedId.toString()),
                ((Number) leaf.get(0).get("global_index")).longValue(), leafIndex,
                MerkleTree.leafHash(leafIndex, hashes).base64(), head.head().size(), base64(proof), response(head));
    }

    @GetMapping("/consistency")
    ConsistencyResponse consistency(Member member, @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to) {
        requireAuditor(member);
        if (from == null) {
            throw new InvalidInputException("from", "'from' (the older tree size) is required");
        }
        long oldSize = number("from", from, 1);
        SignedTreeHead latest = latest();
        long newSize = to == null ? latest.head().size() : number("to", to, 1);
        if (newSize > latest.head().size()) {
            throw new InvalidInputException("to", "'to' is beyond the latest signed tree head's size "
                    + latest.head().size());
        }
        if (oldSize > newSize) {
            throw new InvalidInputException("from", "'from' is larger than 'to' (" + newSize + ")");
        }
        List<Hash> proof = MerkleTree.consistencyProof(oldSize, newSize, hashes);
        return new ConsistencyResponse(oldSize, newSize, MerkleTree.rootHash(oldSize, hashes).base64(),
                MerkleTree.rootHash(newSize, hashes).base64(), base64(proof),
                heads.ofSize(newSize).map(AuditController::response).orElse(null));
    }

    @GetMapping(value = "/public-key", produces = "application/x-pem-file")
    ResponseEntity<String> publicKey(Member member) {
        requireAuditor(member);
        return ResponseEntity.ok().header("X-Key-Id", SigningKeys.keyId(signer.publicKey()))
                .contentType(MediaType.parseMediaType("application/x-pem-file"))
                .body(SigningKeys.toPem(signer.publicKey()));
    }

    /** Streamed as it is read (synchronously, so no asynchronous request timeout cuts a long export). */
    @GetMapping(value = "/export", produces = JSONL)
    void export(Member member, HttpServletResponse response) throws IOException {
        requireAuditor(member);
        response.setContentType(JSONL);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-export.jsonl\"");
        export.write(response.getOutputStream());
        response.flushBuffer();
    }

    private SignedTreeHead latest() {
        return heads.latest().orElseThrow(() -> new NotFoundException("No signed tree head yet"));
    }

    private SignedTreeHead head(String field, String size) {
        if (size == null) {
            return latest();
        }
        long value = number(field, size, 1);
        return heads.ofSize(value).orElseThrow(() -> new NotFoundException("No signed tree head of size " + value));
    }

    static TreeHeadResponse response(SignedTreeHead signed) {
        return new TreeHeadResponse(signed.head().size(), signed.head().root().base64(),
                Instant.ofEpochMilli(signed.head().timestampMillis()).toString(), signed.signatureBase64());
    }

    private static List<String> base64(List<Hash> hashes) {
        return hashes.stream().map(Hash::base64).toList();
    }

    private static UUID uuid(String field, String text) {
        if (!Ids.isCanonicalUuid(text)) {
            throw new InvalidInputException(field, "'" + field + "' must be a UUID, got " + Problems.quote(text));
        }
        return UUID.fromString(text);
    }

    private static UUID uuidOrNull(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Decimal digits only (no sign, exponent or 0x), at least {@code min}. */
    private static long number(String field, String text, long min) {
        boolean digits = !text.isEmpty() && text.length() <= 18 && text.chars().allMatch(c -> c >= '0' && c <= '9');
        long value = digits ? Long.parseLong(text) : -1;
        if (!digits || value < min) {
            throw new InvalidInputException(field, "'" + field + "' must be an integer of at least " + min + ", got "
                    + Problems.quote(text));
        }
        return value;
    }

    private static void requireAuditor(Member member) {
        if (!member.isAuditor()) {
            throw new ForbiddenException("The audit log is for AUDITORs");
        }
    }
}
