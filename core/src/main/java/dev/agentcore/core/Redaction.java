package dev.agentcore.core;

import java.util.regex.Pattern;

/**
 * Hides secrets that services echo back in error text. AWS answers a signature mismatch with the canonical request
 * it expected, headers and values included, so the session token would otherwise reach the terminal (and CI logs)
 * through an error message or a --debug stack trace.
 */
public final class Redaction {

    public static final String HIDDEN = "<redacted>";

    private static final Pattern SECURITY_TOKEN =
            Pattern.compile("(?i)(x-amz-security-token\\s*[:=]\\s*)[^\\s'\",;&]+");
    /** The header's form (capital B, a long token), so prose such as "your bearer token" is left alone. */
    private static final Pattern BEARER = Pattern.compile("(\\bBearer\\s+)[A-Za-z0-9\\-._~+/]{16,}=*");
    private static final Pattern SECRET_KEY =
            Pattern.compile("(?i)(aws_secret_access_key\\s*[:=]\\s*)[^\\s'\",;&]+");

    private Redaction() {
    }

    /** The text with session tokens, bearer tokens and secret keys replaced by {@value #HIDDEN}. */
    public static String secrets(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = SECURITY_TOKEN.matcher(text).replaceAll("$1" + HIDDEN);
        out = BEARER.matcher(out).replaceAll("$1" + HIDDEN);
        return SECRET_KEY.matcher(out).replaceAll("$1" + HIDDEN);
    }
}
