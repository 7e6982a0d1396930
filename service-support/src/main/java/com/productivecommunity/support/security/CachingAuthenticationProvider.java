package com.productivecommunity.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Remembers successful credential checks by a SHA-256 of user and password, so that BCrypt (tens of
 * milliseconds, docs/stack-notes.md pitfall 7) runs once per member rather than once per request. Only
 * successes are cached: a wrong password always pays the full BCrypt check. The cache is bounded and
 * simply cleared when full.
 */
class CachingAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final int maxSize;
    private final Map<String, Authentication> verified = new ConcurrentHashMap<>();

    CachingAuthenticationProvider(AuthenticationProvider delegate, int maxSize) {
        this.delegate = delegate;
        this.maxSize = maxSize;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (maxSize <= 0 || authentication.getCredentials() == null) {
            return delegate.authenticate(authentication);
        }
        String key = digest(authentication.getName(), authentication.getCredentials().toString());
        Authentication known = verified.get(key);
        if (known != null) {
            return known;
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            if (verified.size() >= maxSize) {
                verified.clear();
            }
            verified.put(key, result);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String digest(String user, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(user.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
