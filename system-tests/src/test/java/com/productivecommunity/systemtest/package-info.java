/** Runs the packaged platform as real processes (broker, three services, PostgreSQL) and drives it through HTTP. */
package com.productivecommunity.systemtest;
