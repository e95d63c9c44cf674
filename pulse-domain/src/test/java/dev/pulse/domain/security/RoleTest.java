package dev.pulse.domain.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleTest {

  private static Role role(Set<Scope> allow, Set<Scope> deny) {
    return new Role("custom", "", allow, deny, false);
  }

  @Test
  void writeCoversReadInTheSameAreaOnly() {
    assertTrue(Scope.covers(Set.of(Scope.SETTINGS_WRITE), Scope.SETTINGS_READ));
    assertFalse(Scope.covers(Set.of(Scope.SETTINGS_READ), Scope.SETTINGS_WRITE));
    assertFalse(Scope.covers(Set.of(Scope.SETTINGS_WRITE), Scope.CONNECTIONS_READ));
    assertFalse(Scope.covers(Set.of(Scope.AGENT_REPORT), Scope.DOCKER_REPORT), "reports have no ladder");
    assertTrue(Scope.covers(Set.of(Scope.ALL), Scope.PVE_WEBHOOK));
  }

  @Test
  void aDenyWinsOverAnAllowFromAnotherRole() {
    Role everything = Role.ADMIN;
    Role noAudit = role(Set.of(Scope.MONITORING_READ), Set.of(Scope.AUDIT_READ));
    assertTrue(Role.permits(List.of(everything), Scope.AUDIT_READ));
    assertFalse(Role.permits(List.of(everything, noAudit), Scope.AUDIT_READ));
    assertTrue(Role.permits(List.of(everything, noAudit), Scope.SETTINGS_WRITE));
  }

  @Test
  void denyingReadDeniesWriteButDenyingWriteLeavesRead() {
    Role a = role(Set.of(Scope.CONNECTIONS_WRITE), Set.of(Scope.CONNECTIONS_READ));
    assertFalse(Role.permits(List.of(a), Scope.CONNECTIONS_WRITE));
    Role b = role(Set.of(Scope.CONNECTIONS_WRITE), Set.of(Scope.CONNECTIONS_WRITE));
    assertTrue(Role.permits(List.of(b), Scope.CONNECTIONS_READ));
    assertFalse(Role.permits(List.of(b), Scope.CONNECTIONS_WRITE));
  }

  @Test
  void noRoleAllowsNothing() {
    assertFalse(Role.permits(List.of(), Scope.MONITORING_READ));
  }

  @Test
  void theBuiltInRolesGrantWhatTheirNamesSay() {
    assertEquals(EnumSet.of(Scope.MONITORING_READ), Role.effective(List.of(Role.VIEWER)));
    assertEquals(EnumSet.of(Scope.MONITORING_READ, Scope.AUDIT_READ), Role.effective(List.of(Role.AUDITOR)));
    Set<Scope> operator = Role.effective(List.of(Role.OPERATOR));
    assertTrue(operator.contains(Scope.MONITORING_WRITE) && operator.contains(Scope.SETTINGS_READ));
    assertTrue(operator.contains(Scope.ALERTS_READ), "sees the alert rules");
    assertFalse(operator.contains(Scope.SETTINGS_WRITE) || operator.contains(Scope.ALERTS_WRITE) || operator.contains(Scope.USERS_READ)
        || operator.contains(Scope.AUDIT_READ));
    assertEquals(Scope.values().length - 1, Role.effective(List.of(Role.ADMIN)).size());
  }
}
