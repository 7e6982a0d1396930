package com.productivecommunity.analytics.model;

/**
 * Where a signal's points count: what a member puts in, what they get out, or what the organization
 * gets out of the community.
 */
public enum Side {
    CONTRIBUTION, BENEFIT, ORGANIZATION
}
