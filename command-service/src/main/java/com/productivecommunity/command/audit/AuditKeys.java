package com.productivecommunity.command.audit;

import com.productivecommunity.audit.head.SigningKeys;
import com.productivecommunity.audit.head.TreeHeadSigner;
import com.productivecommunity.audit.head.TreeHeadVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The log's signing key: the configured PEM ({@code platform.audit.signing-key}, or the file
 * {@code platform.audit.signing-key-file}), else a local key generated on first start and reused
 * ({@code platform.audit.local-key-file}). Never in the database the log protects.
 */
@Configuration(proxyBeanMethods = false)
class AuditKeys {

    private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);

    @Bean
    TreeHeadSigner treeHeadSigner(AuditProperties properties) {
        return new TreeHeadSigner(keys(properties));
    }

    @Bean
    TreeHeadVerifier treeHeadVerifier(TreeHeadSigner signer) {
        return new TreeHeadVerifier(signer.publicKey());
    }

    static KeyPair keys(AuditProperties properties) {
        KeyPair keys;
        if (properties.signingKey() != null && !properties.signingKey().isBlank()) {
            keys = SigningKeys.fromPrivateKeyPem(properties.signingKey());
        } else if (properties.signingKeyFile() != null) {
            try {
                keys = SigningKeys.fromPrivateKeyPem(Files.readString(properties.signingKeyFile(), StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException("platform.audit.signing-key-file " + properties.signingKeyFile(), e);
            }
        } else if (properties.generateLocalKey()) {
            keys = SigningKeys.loadOrGenerate(properties.localKeyFile());
            log.info("Audit log signs with the local key {} (configure platform.audit.signing-key in production)",
                    properties.localKeyFile().toAbsolutePath());
        } else {
            throw new IllegalStateException("No audit signing key: set platform.audit.signing-key or"
                    + " platform.audit.signing-key-file (or platform.audit.generate-local-key=true)");
        }
        log.info("Audit log key id {}", SigningKeys.keyId(keys.getPublic()));
        return keys;
    }
}
