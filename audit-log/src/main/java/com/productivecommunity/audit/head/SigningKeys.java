package com.productivecommunity.audit.head;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ed25519 keys for signing tree heads: PEM in and out (PKCS#8 {@code PRIVATE KEY}, X.509
 * SubjectPublicKeyInfo {@code PUBLIC KEY}, the forms {@code openssl genpkey -algorithm ed25519}
 * and {@code openssl pkey -pubout} write), and a local key for the embedded setup, generated once
 * into an owner-only file and reused.
 */
public final class SigningKeys {

    private static final String ALGORITHM = "Ed25519";
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private SigningKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime has no Ed25519 (Java 15 and later do)", e);
        }
    }

    /** Parses a PEM {@code PRIVATE KEY} (PKCS#8) holding an Ed25519 key. */
    public static PrivateKey privateKeyFromPem(String pem) {
        byte[] der = pemBlock(pem, "PRIVATE KEY");
        try {
            PrivateKey key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
            return requireEd25519(key);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new InvalidKeyException("the PRIVATE KEY is not a PKCS#8 Ed25519 key: " + e.getMessage(), e);
        }
    }

    /** Parses a PEM {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo) holding an Ed25519 key. */
    public static PublicKey publicKeyFromPem(String pem) {
        byte[] der = pemBlock(pem, "PUBLIC KEY");
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
            if (!(key instanceof EdECPublicKey edKey) || !edKey.getParams().getName().equalsIgnoreCase(ALGORITHM)) {
                throw new InvalidKeyException("not an Ed25519 public key but " + key.getAlgorithm());
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyException("the PUBLIC KEY is not an X.509 SubjectPublicKeyInfo Ed25519 key: "
                    + e.getMessage(), e);
        }
    }

    public static String toPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    public static String toPem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /**
     * The public half of an Ed25519 private key. The JDK has no API for it, but its key-pair
     * generator derives the public key from the 32 random bytes it draws: handing it the private
     * key's bytes as its randomness yields the pair, which is checked to hold the same private key.
     */
    public static PublicKey derivePublicKey(PrivateKey privateKey) {
        byte[] seed = requireEd25519(privateKey).getBytes()
                .orElseThrow(() -> new InvalidKeyException("the private key's bytes cannot be read (hardware key?);"
                        + " configure its public key too"));
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new ReplayedRandom(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] generated = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
            if (!MessageDigest.isEqual(seed, generated)) {
                throw new InvalidKeyException("cannot derive the public key on this Java runtime; configure it explicitly");
            }
            return pair.getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 key generation failed", e);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** A key pair from a private key PEM; the public key is derived from it. */
    public static KeyPair fromPrivateKeyPem(String pem) {
        PrivateKey privateKey = privateKeyFromPem(pem);
        return new KeyPair(derivePublicKey(privateKey), privateKey);
    }

    /**
     * The key of a local, embedded setup: read from {@code file} if it exists, otherwise generated
     * and written there (PKCS#8 PEM, permissions {@code rw-------}, created atomically so two
     * starting processes end up with the same key). An existing file that others can read is
     * refused: its key could sign tree heads in the log's name.
     */
    public static KeyPair loadOrGenerate(Path file) {
        try {
            if (!Files.exists(file)) {
                Path directory = file.toAbsolutePath().getParent();
                Files.createDirectories(directory);
                KeyPair generated = generate();
                Path temporary = createOwnerOnly(directory);
                try {
                    Files.writeString(temporary, toPem(generated.getPrivate()), StandardCharsets.US_ASCII);
                    Files.createLink(file, temporary);
                    return generated;
                } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                    // fall through and read the key the other process wrote
                } finally {
                    Files.deleteIfExists(temporary);
                }
            }
            requireOwnerOnly(file);
            return fromPrivateKeyPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new InvalidKeyException("cannot read or create the signing key file " + file + ": " + e.getMessage(), e);
        } catch (InvalidKeyException e) {
            throw new InvalidKeyException(file + ": " + e.getMessage(), e);
        }
    }

    /** Hex SHA-256 of the key's SubjectPublicKeyInfo DER: names a key in exports and messages. */
    public static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the two keys form a pair: a probe message signed by one verifies with the other. */
    public static boolean arePair(PrivateKey privateKey, PublicKey publicKey) {
        TreeHeadSigner signer = new TreeHeadSigner(new KeyPair(publicKey, privateKey), false);
        return signer.selfCheck();
    }

    private static Path createOwnerOnly(Path directory) throws IOException {
        if (Files.getFileAttributeView(directory, PosixFileAttributeView.class) != null) {
            return Files.createTempFile(directory, ".signing-key-", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        return Files.createTempFile(directory, ".signing-key-", ".tmp");
    }

    private static void requireOwnerOnly(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        Set<PosixFilePermission> extra = EnumSet.copyOf(permissions);
        extra.removeAll(OWNER_ONLY);
        extra.remove(PosixFilePermission.OWNER_EXECUTE);
        if (!extra.isEmpty()) {
            throw new InvalidKeyException("the signing key file is accessible to others ("
                    + PosixFilePermissions.toString(permissions) + "); run chmod 600 on it");
        }
    }

    private static byte[] pemBlock(String pem, String label) {
        if (pem == null) {
            throw new InvalidKeyException("no PEM text");
        }
        Matcher matcher = PEM.matcher(pem);
        while (matcher.find()) {
            if (matcher.group(1).equals(label)) {
                try {
                    return Base64.getMimeDecoder().decode(matcher.group(2));
                } catch (IllegalArgumentException e) {
                    throw new InvalidKeyException("the " + label + " block is not base64", e);
                }
            }
        }
        if (pem.contains("BEGIN OPENSSH PRIVATE KEY")) {
            throw new InvalidKeyException("an OpenSSH key; convert it to PKCS#8 (ssh-keygen -p -m PKCS8 -f FILE)");
        }
        throw new InvalidKeyException("no '-----BEGIN " + label + "-----' block found");
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static EdECPrivateKey requireEd25519(PrivateKey key) {
        if (!(key instanceof EdECPrivateKey edKey)) {
            throw new InvalidKeyException("not an Ed25519 key but " + key.getAlgorithm());
        }
        String curve = edKey.getParams().getName();
        if (!curve.equalsIgnoreCase(ALGORITHM)) {
            throw new InvalidKeyException("an EdDSA key on " + curve + ", not Ed25519");
        }
        return edKey;
    }

    /** Returns the given bytes as its randomness, once: lets the generator rebuild a known key. */
    private static final class ReplayedRandom extends SecureRandom {
        private final byte[] bytes;
        private boolean used;

        ReplayedRandom(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public void nextBytes(byte[] target) {
            if (used || target.length != bytes.length) {
                throw new IllegalStateException("unexpected request for " + target.length + " random bytes");
            }
            used = true;
            System.arraycopy(bytes, 0, target, 0, bytes.length);
        }
    }
}
