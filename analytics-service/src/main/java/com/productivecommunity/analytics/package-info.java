/** analytics-service: the value model — what each member gives and gets, and whether a community is productive. */
package com.productivecommunity.analytics;
