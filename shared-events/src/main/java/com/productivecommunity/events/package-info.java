/** The domain's event contracts: immutable facts every service agrees on, and their Kafka envelope. */
package com.productivecommunity.events;
