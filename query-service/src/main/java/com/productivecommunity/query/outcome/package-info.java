/**
 * Outcomes a community recorded, newest first, each with the contributions it credits (the other direction,
 * a contribution's outcomes, is part of its thread in {@code feed}).
 */
package com.productivecommunity.query.outcome;
