package com.productivecommunity.query.outcome;

import java.util.List;

/** One page of a community's outcomes, newest first; {@code next} is the cursor for {@code before=}, null on the last. */
record OutcomePage(List<Outcome> items, String next) {
}
