package com.productivecommunity.support.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The local setup's members (docs/api.md): five employees, an analyst, an auditor, a partner and a customer, each
 * with their segments in the organization; each password is the user name.
 */
final class DemoDirectory {

    private DemoDirectory() {
    }

    static InMemoryUserDetailsManager create(PasswordEncoder encoder) {
        List<UserDetails> users = List.of(
                user("alice", Member.EMPLOYEE, encoder, "employee", "production"),
                user("bob", Member.EMPLOYEE, encoder, "employee", "remote"),
                user("carol", Member.EMPLOYEE, encoder, "leader", "manager", "employee"),
                user("frank", Member.EMPLOYEE, encoder, "employee", "remote"),
                user("grace", Member.EMPLOYEE, encoder, "employee", "production"),
                user("dana", Member.ANALYST, encoder, "employee"),
                user("erin", Member.AUDITOR, encoder, "employee"),
                user("pia", Member.EMPLOYEE, encoder, "partner"),
                user("cole", Member.EMPLOYEE, encoder, "customer"));
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails user(String name, String role, PasswordEncoder encoder, String... segments) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(MemberArgumentResolver.ROLE_PREFIX + role));
        for (String segment : segments) {
            authorities.add(new SimpleGrantedAuthority(MemberArgumentResolver.SEGMENT_PREFIX + segment));
        }
        return User.withUsername(name).password(encoder.encode(name)).authorities(authorities).build();
    }
}
