package com.productivecommunity.support.security;

import java.util.List;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The local setup's members (docs/api.md): five employees, an analyst and an auditor; each password is the user name. */
final class DemoDirectory {

    private DemoDirectory() {
    }

    static InMemoryUserDetailsManager create(PasswordEncoder encoder) {
        List<UserDetails> users = List.of(
                user("alice", Member.EMPLOYEE, encoder), user("bob", Member.EMPLOYEE, encoder),
                user("carol", Member.EMPLOYEE, encoder), user("frank", Member.EMPLOYEE, encoder),
                user("grace", Member.EMPLOYEE, encoder), user("dana", Member.ANALYST, encoder),
                user("erin", Member.AUDITOR, encoder));
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails user(String name, String role, PasswordEncoder encoder) {
        return User.withUsername(name).password(encoder.encode(name)).roles(role).build();
    }
}
