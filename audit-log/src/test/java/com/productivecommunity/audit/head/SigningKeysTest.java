package com.productivecommunity.audit.head;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.productivecommunity.audit.merkle.Hash;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    /** Tree head over the RFC 6962 tree of size 3 at 2023-11-14T22:13:20Z, signed by OpenSSL 3.0. */
    private static final TreeHead OPENSSL_SIGNED = new TreeHead(3,
            Hash.fromHex("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77"), Instant.ofEpochMilli(1_700_000_000_000L));
    private static final String OPENSSL_SIGNATURE =
            "WxZaGUJSCSVN+ava3XRwQyvjCOgA5nalT6Qyhm3yVnJ42SsFsJIQMU3tkN8UMWEruh1tcDnU6L8gRO1aLRMIBQ==";

    @Test
    void theSignedBytesAreTheDocumentedOnes() {
        assertThat(HexFormat.of().formatHex(OPENSSL_SIGNED.signedBytes())).isEqualTo(
                HexFormat.of().formatHex("pc-audit-tree-head:v1".getBytes(StandardCharsets.US_ASCII))
                        + "0000000000000003" + "0000018bcfe56800"
                        + "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77");
        assertThat(OPENSSL_SIGNED.signedBytes()).hasSize(TreeHead.SIGNED_LENGTH).hasSize(69);
    }

    @Test
    void anOpensslKeySignsExactlyAsOpensslDoes() throws IOException {
        KeyPair keys = SigningKeys.fromPrivateKeyPem(resource("openssl-ed25519.pem"));
        PublicKey opensslPublic = SigningKeys.publicKeyFromPem(resource("openssl-ed25519.pub.pem"));
        assertThat(keys.getPublic().getEncoded()).isEqualTo(opensslPublic.getEncoded());
        assertThat(SigningKeys.toPem(keys.getPublic())).isEqualTo(resource("openssl-ed25519.pub.pem"));

        SignedTreeHead signed = new TreeHeadSigner(keys).sign(OPENSSL_SIGNED);
        // Ed25519 is deterministic: the same key and message give OpenSSL's signature.
        assertThat(signed.signatureBase64()).isEqualTo(OPENSSL_SIGNATURE);
        assertThat(new TreeHeadVerifier(opensslPublic).verify(new SignedTreeHead(OPENSSL_SIGNED,
                Base64.getDecoder().decode(OPENSSL_SIGNATURE)))).isTrue();
    }

    @Test
    void aChangedHeadOrAnotherKeyFailsVerification() {
        KeyPair keys = SigningKeys.generate();
        SignedTreeHead signed = new TreeHeadSigner(keys).sign(OPENSSL_SIGNED);
        TreeHeadVerifier verifier = new TreeHeadVerifier(keys.getPublic());
        assertThat(verifier.verify(signed)).isTrue();
        assertThat(verifier.verify(new SignedTreeHead(new TreeHead(4, OPENSSL_SIGNED.root(), OPENSSL_SIGNED.timestamp()),
                signed.signature()))).isFalse();
        assertThat(verifier.verify(new SignedTreeHead(new TreeHead(3, OPENSSL_SIGNED.root().withBitFlipped(0),
                OPENSSL_SIGNED.timestamp()), signed.signature()))).isFalse();
        assertThat(verifier.verify(new SignedTreeHead(new TreeHead(3, OPENSSL_SIGNED.root(),
                OPENSSL_SIGNED.timestamp().plusMillis(1)), signed.signature()))).isFalse();
        byte[] signature = signed.signature();
        signature[10] ^= 4;
        assertThat(verifier.verify(new SignedTreeHead(OPENSSL_SIGNED, signature))).isFalse();
        assertThat(verifier.verify(new SignedTreeHead(OPENSSL_SIGNED, new byte[3]))).isFalse();
        assertThat(new TreeHeadVerifier(SigningKeys.generate().getPublic()).verify(signed)).isFalse();
    }

    @Test
    void theLocalKeyIsGeneratedOwnerOnlyOnceAndReused(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("state/audit-signing-key.pem");
        KeyPair first = SigningKeys.loadOrGenerate(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        KeyPair again = SigningKeys.loadOrGenerate(file);
        assertThat(again.getPublic().getEncoded()).isEqualTo(first.getPublic().getEncoded());
        assertThat(again.getPrivate().getEncoded()).isEqualTo(first.getPrivate().getEncoded());
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> SigningKeys.loadOrGenerate(file)).isInstanceOf(InvalidKeyException.class)
                .hasMessageContaining("accessible to others").hasMessageContaining("chmod 600");
    }

    @Test
    void keysThatAreNotEd25519AreRefusedInWords() throws IOException {
        assertThatThrownBy(() -> SigningKeys.privateKeyFromPem(resource("openssl-ed448.pem")))
                .isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> SigningKeys.privateKeyFromPem(resource("openssl-p256.pem")))
                .isInstanceOf(InvalidKeyException.class);
        assertThatThrownBy(() -> SigningKeys.privateKeyFromPem(resource("openssl-ed25519.pub.pem")))
                .hasMessageContaining("no '-----BEGIN PRIVATE KEY-----' block");
        assertThatThrownBy(() -> SigningKeys.publicKeyFromPem("-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----"))
                .isInstanceOf(InvalidKeyException.class);
        KeyPair mismatched = new KeyPair(SigningKeys.generate().getPublic(), SigningKeys.generate().getPrivate());
        assertThatThrownBy(() -> new TreeHeadSigner(mismatched)).hasMessageContaining("not the private key's");
    }

    @Test
    void pemRoundTrips() {
        KeyPair keys = SigningKeys.generate();
        assertThat(SigningKeys.privateKeyFromPem(SigningKeys.toPem(keys.getPrivate())).getEncoded())
                .isEqualTo(keys.getPrivate().getEncoded());
        assertThat(SigningKeys.publicKeyFromPem(SigningKeys.toPem(keys.getPublic())).getEncoded())
                .isEqualTo(keys.getPublic().getEncoded());
        assertThat(SigningKeys.derivePublicKey(keys.getPrivate()).getEncoded()).isEqualTo(keys.getPublic().getEncoded());
        assertThat(SigningKeys.keyId(keys.getPublic())).hasSize(64);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SigningKeysTest.class.getResourceAsStream("/keys/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
