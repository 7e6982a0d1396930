package com.productivecommunity.support.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves a {@link Member} parameter from the authenticated principal; never from anything the client sends. */
class MemberArgumentResolver implements HandlerMethodArgumentResolver {

    static final String ROLE_PREFIX = "ROLE_";
    /** Segments travel as authorities with this prefix, so the demo directory and a token supply them alike. */
    static final String SEGMENT_PREFIX = "SEGMENT_";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Member.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return current(SecurityContextHolder.getContext().getAuthentication());
    }

    static Member current(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            // Surfaces through Spring Security's exception translation as a 401.
            throw new AuthenticationCredentialsNotFoundException("No authenticated member");
        }
        return new Member(authentication.getName(), withPrefix(authentication, ROLE_PREFIX),
                withPrefix(authentication, SEGMENT_PREFIX));
    }

    private static Set<String> withPrefix(Authentication authentication, String prefix) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(prefix))
                .map(authority -> authority.substring(prefix.length()))
                .collect(Collectors.toSet());
    }
}
