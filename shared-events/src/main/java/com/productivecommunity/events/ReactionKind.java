package com.productivecommunity.events;

public enum ReactionKind {
    LIKE, THANKS, USEFUL
}
