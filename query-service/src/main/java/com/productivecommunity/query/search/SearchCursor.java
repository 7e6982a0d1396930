package com.productivecommunity.query.search;

import com.productivecommunity.support.web.Ids;
import com.productivecommunity.support.web.InvalidInputException;
import com.productivecommunity.support.web.Problems;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Keyset position in a search's results (rank descending, then kind, then id, all descending), opaque to
 * clients (base64url). The rank is kept bit for bit (PostgreSQL's {@code real}), so the next page starts
 * exactly after the last hit. It also carries a fingerprint of the search (q, community, author): a cursor
 * of another search would silently start somewhere arbitrary, so it is refused instead.
 */
record SearchCursor(float rank, int kind, UUID id, String search) {

    static SearchCursor after(SearchHit hit, Search search) {
        return new SearchCursor(hit.rank(), hit.type().order, hit.id(), search.fingerprint());
    }

    String encode() {
        String text = Integer.toHexString(Float.floatToIntBits(rank)) + "|" + kind + "|" + id + "|" + search;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor of a page of {@code search}; anything else (another search's cursor included) is a 400. */
    static SearchCursor decode(String cursor, Search search) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor))).toString();
            String[] parts = text.split("\\|", -1);
            if (parts.length != 4 || parts[0].isEmpty() || parts[0].length() > 8
                    || !parts[0].chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))
                    || !(parts[1].equals("0") || parts[1].equals("1"))) {
                throw notACursor(cursor);
            }
            float rank = Float.intBitsToFloat(Integer.parseUnsignedInt(parts[0], 16));
            if (Float.isNaN(rank) || Float.isInfinite(rank) || rank < 0) {
                throw notACursor(cursor);
            }
            if (!parts[3].equals(search.fingerprint())) {
                throw new InvalidInputException("before", "'before' is a cursor of another search (q, community and"
                        + " author must stay the same while paging): " + Problems.quote(cursor));
            }
            return new SearchCursor(rank, Integer.parseInt(parts[1]), Ids.uuid(parts[2]), parts[3]);
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw notACursor(cursor);
        }
    }

    /** 12 hex digits of SHA-256 over the search's parameters: enough to tell searches apart, no secret. */
    static String fingerprint(String q, UUID community, String author) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest((q + "\u0000" + community + "\u0000" + author).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InvalidInputException notACursor(String cursor) {
        return new InvalidInputException("before", "'before' is not a cursor from a previous page: "
                + Problems.quote(cursor));
    }
}
