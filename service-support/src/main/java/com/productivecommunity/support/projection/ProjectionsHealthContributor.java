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
        try {
            return new ProjectionHealthIndicator(admin.runner(name), properties);
        } catch (com.productivecommunity.support.web.NotFoundException e) {
            return null; // unregistered meanwhile
        }
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        List<NamedContributor<HealthContributor>> contributors = new java.util.ArrayList<>();
        for (String name : admin.names()) {
            HealthContributor contributor = getContributor(name);
            if (contributor != null) {
                contributors.add(NamedContributor.of(name, contributor));
            }
        }
        return contributors.iterator();
    }
}
