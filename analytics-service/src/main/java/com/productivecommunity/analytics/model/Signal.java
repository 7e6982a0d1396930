package com.productivecommunity.analytics.model;

/**
 * Everything the engine can award a point for. A model version gives each a weight; adding a signal
 * needs code, changing a weight does not.
 */
public enum Signal {
    QUESTION_POSTED(Side.CONTRIBUTION, "posted a question"),
    ANSWER_POSTED(Side.CONTRIBUTION, "posted an answer"),
    POST_POSTED(Side.CONTRIBUTION, "posted a post"),
    IDEA_POSTED(Side.CONTRIBUTION, "posted an idea"),
    ANSWER_RECEIVED(Side.BENEFIT, "got an answer to their question"),
    CONTRIBUTION_VIEWED(Side.BENEFIT, "viewed a contribution for the first time"),
    LIKE_RECEIVED(Side.BENEFIT, "got a like on their contribution"),
    LIKE_GIVEN(Side.BENEFIT, "gave a like"),
    THANKS_RECEIVED(Side.BENEFIT, "got thanks on their contribution"),
    THANKS_GIVEN(Side.BENEFIT, "gave thanks: was helped"),
    USEFUL_RECEIVED(Side.BENEFIT, "got a useful mark on their contribution"),
    USEFUL_GIVEN(Side.BENEFIT, "marked a contribution useful: found it useful"),
    ANSWER_ACCEPTED_BY_QUESTION_AUTHOR(Side.BENEFIT, "accepted an answer: problem solved"),
    ANSWER_ACCEPTED_FOR_ANSWER_AUTHOR(Side.BENEFIT, "their answer was accepted"),
    OUTCOME_LINKED_AUTHOR(Side.BENEFIT, "authored a contribution linked to an outcome"),
    /** Organization benefit; its weight multiplies the outcome's value (1 in v1) and the entry goes to the recorder. */
    OUTCOME_RECORDED(Side.ORGANIZATION, "recorded an outcome: organization benefit");

    private final Side side;
    private final String description;

    Signal(Side side, String description) {
        this.side = side;
        this.description = description;
    }

    public Side side() {
        return side;
    }

    public String description() {
        return description;
    }
}
