package com.productivecommunity.analytics.model;

import java.util.List;

/**
 * The model versions the reads may name: those configured for the service and those analysts created. A read
 * without a model uses the default version (the one last promoted).
 */
public interface ModelCatalog {

    /**
     * The version a read names ({@code null}: the default), if it can be read now: 404 for an unknown or retired
     * version, 409 for one still replaying (readers never see a half-built version).
     */
    ValueModel readable(String name);

    /** The default version's name. */
    String defaultName();

    /** Every version that can be read now. */
    List<ValueModel> readableModels();
}
