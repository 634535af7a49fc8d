package io.tributary.gateway.security;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Reads the public key of a PEM {@code PUBLIC KEY} or {@code CERTIFICATE}, RSA or EC, with the JDK alone. */
final class PemKeys {
    private PemKeys() {
    }

    static PublicKey publicKey(String pem) {
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", ""));
        try {
            if (pem.contains("CERTIFICATE")) {
                return CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der)).getPublicKey();
            }
            X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
            try {
                return KeyFactory.getInstance("RSA").generatePublic(spec);
            } catch (GeneralSecurityException notRsa) {
                return KeyFactory.getInstance("EC").generatePublic(spec);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("tributary.gateway.security.public-key is not a PEM RSA or EC public key or"
                    + " certificate: " + e.getMessage(), e);
        }
    }
}
