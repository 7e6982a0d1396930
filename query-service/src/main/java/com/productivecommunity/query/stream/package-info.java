/** What the live streams (feeds, notifications) share: subscribers, delivery, keep-alive. */
package com.productivecommunity.query.stream;
