/** Benchmarks of the shipped platform (real PostgreSQL, real broker, packaged service jars) against raw baselines. */
package com.productivecommunity.benchmarks;
