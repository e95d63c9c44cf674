package dev.pulse.domain.audit;

/**
 * An event as the log keeps it: numbered without gaps, and sealed with an HMAC over the previous
 * entry's seal and this entry ({@link AuditChain}), so that changing or removing one shows.
 */
public record AuditEntry(long seq, AuditEvent event, String mac) {}
