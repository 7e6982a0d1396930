/** The value engine as plain Java: events and rule state in, ledger entries out, figures kept incrementally. */
package com.productivecommunity.analytics.engine;
