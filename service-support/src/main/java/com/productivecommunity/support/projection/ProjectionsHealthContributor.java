package com.productivecommunity.support.projection;

import java.util.Iterator;
import java.util.List;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.NamedContributor;

/** One health entry per projection, including those registered at run time. */
class ProjectionsHealthContributor implements CompositeHealthContributor {

    private final ProjectionAdmin admin;
    private final ProjectionProperties properties;

    ProjectionsHealthContributor(ProjectionAdmin admin, ProjectionProperties properties) {
        this.admin = admin;
        this.properties = properties;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return admin.names().contains(name) ? new ProjectionHealthIndicator(admin.runner(name), properties) : null;
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        List<NamedContributor<HealthContributor>> contributors = admin.names().stream()
                .map(name -> NamedContributor.of(name, (HealthContributor) new ProjectionHealthIndicator(
                        admin.runner(name), properties)))
                .toList();
        return contributors.iterator();
    }
}
