/** The reads: member figures, community summary, daily timeline and a member's ledger, with their access rules. */
package com.productivecommunity.analytics.figures;
