/** Publishing stored events to the Kafka topic, at least once and in order per community, with its lag and health. */
package com.productivecommunity.command.publishing;
