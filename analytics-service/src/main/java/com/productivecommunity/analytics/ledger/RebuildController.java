package com.productivecommunity.analytics.ledger;

import com.productivecommunity.support.projection.ProjectionAdmin;
import com.productivecommunity.support.security.Member;
import com.productivecommunity.support.web.ForbiddenException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replays the whole topic into the analytics tables, e.g. after adding a model version to
 * {@code platform.analytics.models}. Same call as query-service's; analysts only.
 */
@RestController
class RebuildController {

    private final ProjectionAdmin admin;

    RebuildController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @Operation(summary = "Rebuild a projection from the first event (ANALYST only); 202, figures refill meanwhile")
    @PostMapping("/api/admin/projections/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void rebuild(@PathVariable String name, @Parameter(hidden = true) Member caller) {
        if (!caller.isAnalyst()) {
            throw new ForbiddenException("Only analysts may rebuild a projection");
        }
        admin.rebuild(name);
    }
}
