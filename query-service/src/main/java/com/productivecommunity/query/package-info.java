/** query-service: what employees read — communities, feeds and contribution threads, built from the events. */
package com.productivecommunity.query;
