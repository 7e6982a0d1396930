/** Feeds (a community's and a member's home feed), contribution threads and their live stream. */
package com.productivecommunity.query.feed;
