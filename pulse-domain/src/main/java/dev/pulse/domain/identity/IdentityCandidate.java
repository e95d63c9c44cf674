package dev.pulse.domain.identity;

import dev.pulse.domain.resource.Identity;
import dev.pulse.domain.resource.ResourceType;

/** A resource offered to the matcher: its id, its type and what identifies it. */
public record IdentityCandidate(String id, ResourceType type, Identity identity) {}
