package com.productivecommunity.query.community;

import java.util.List;
import java.util.UUID;

/**
 * A community with its leaders (member ids) and its members with their own purposes and their segments in the
 * organization; {@code openToExternal}: partners and customers may join it.
 */
public record CommunityDetail(UUID communityId, String name, String purpose, boolean openToExternal,
                              List<String> leaders, List<MemberPurpose> members) {

    public record MemberPurpose(String memberId, String purpose, List<String> segments) {
    }
}
