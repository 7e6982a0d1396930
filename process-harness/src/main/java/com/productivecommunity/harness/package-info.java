/** Runs the platform's packaged jars as separate processes, as they run in a deployment. */
package com.productivecommunity.harness;
