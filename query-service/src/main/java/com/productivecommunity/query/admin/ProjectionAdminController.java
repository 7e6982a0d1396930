package com.productivecommunity.query.admin;

import com.productivecommunity.support.projection.ProjectionAdmin;
import com.productivecommunity.support.projection.ProjectionStatus;
import com.productivecommunity.support.security.Member;
import com.productivecommunity.support.web.ForbiddenException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "Projections (ANALYST)", description = "Status of the projection consumers, and rebuilds from the "
        + "topic's first event (e.g. for a benchmark). Analysts only; anyone else gets 403.")
class ProjectionAdminController {

    private final ProjectionAdmin admin;

    ProjectionAdminController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    @Operation(summary = "Each projection's consumer: running, lag, applied events, last error")
    List<ProjectionStatus> projections(Member member) {
        requireAnalyst(member);
        return admin.statuses();
    }

    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Wipe the projection and replay the whole topic into it; reads fill up again meanwhile")
    ProjectionStatus rebuild(Member member, @PathVariable String name) {
        requireAnalyst(member);
        admin.rebuild(name);
        return admin.status(name);
    }

    private static void requireAnalyst(Member member) {
        if (!member.isAnalyst()) {
            throw new ForbiddenException("Only analysts operate projections");
        }
    }
}
