package dev.agentcore.core.launch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.agentcore.core.cloud.RuntimeService;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest of everything a runtime is deployed with (image, role, network, protocol, environment, authorizer,
 * headers, lifecycle). Kept in the config after a deploy, it lets an unchanged re-launch skip making a new runtime
 * version. Environment values enter only through the digest, never in clear.
 */
final class RuntimeFingerprint {

    static final String KEY = "runtime_fingerprint";

    private RuntimeFingerprint() {
    }

    static String of(RuntimeService.RuntimeSpec spec) {
        try {
            // map keys sorted: the same settings give the same digest whatever order --env gave them in
            byte[] json = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .writeValueAsBytes(spec);
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the runtime settings", e);
        }
    }
}
