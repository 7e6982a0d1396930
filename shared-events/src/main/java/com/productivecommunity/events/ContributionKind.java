package com.productivecommunity.events;

public enum ContributionKind {
    QUESTION, ANSWER, POST, IDEA
}
