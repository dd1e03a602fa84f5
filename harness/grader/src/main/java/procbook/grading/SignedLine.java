package procbook.grading;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a lesson's test JVM tells the grader its results: numbered lines signed with a key that only
 * the two of them know (the grader hands it over on the JVM's standard input, which nothing else
 * reads). A scenario that writes into the pipe, or a process left behind that prints later, cannot
 * make a line the grader accepts.
 *
 * <p>Format: {@code PROCBOOK-GRADE <seq> <hmac-sha256 hex> <payload base64>}.
 */
final class SignedLine {
    static final String PREFIX = "PROCBOOK-GRADE ";
    private static final HexFormat HEX = HexFormat.of();

    private SignedLine() {
    }

    /** A fresh random key, as hex. */
    static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HEX.formatHex(key);
    }

    static String sign(String key, long seq, String payload) {
        String body = Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return PREFIX + seq + " " + mac(key, seq + " " + body) + " " + body;
    }

    /** The payload of a line signed with {@code key} and numbered {@code seq}; empty for anything else. */
    static Optional<String> verify(String key, long seq, String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = line.substring(PREFIX.length()).split(" ", 3);
        if (parts.length != 3 || !parts[0].equals(Long.toString(seq))) {
            return Optional.empty();
        }
        byte[] expected = mac(key, parts[0] + " " + parts[2]).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[1].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getDecoder().decode(parts[2]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String mac(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HEX.parseHex(key), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot compute HmacSHA256: " + e.getMessage(), e);
        }
    }
}
