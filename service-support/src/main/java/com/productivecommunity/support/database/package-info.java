/** Makes sure a service's PostgreSQL database exists before anything connects to it. */
package com.productivecommunity.support.database;
