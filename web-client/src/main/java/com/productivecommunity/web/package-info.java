/** The thin web client: static pages, a session login and a gateway to the three services on one origin. */
package com.productivecommunity.web;
