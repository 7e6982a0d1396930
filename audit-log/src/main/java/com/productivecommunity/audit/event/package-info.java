/** One stored event as the log sees it, and its canonical leaf encoding. */
package com.productivecommunity.audit.event;
