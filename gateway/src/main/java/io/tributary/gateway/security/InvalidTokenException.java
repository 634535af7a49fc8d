package io.tributary.gateway.security;

/** The caller sent a bearer token the gateway cannot trust: malformed, expired, badly signed or for someone else. */
public class InvalidTokenException extends Exception {
    public InvalidTokenException(String message) {
        super(message);
    }
}
