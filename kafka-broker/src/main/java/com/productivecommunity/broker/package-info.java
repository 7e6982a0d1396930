/** A single-node Kafka broker (KRaft, broker and controller in one process) for running the platform locally. */
package com.productivecommunity.broker;
