import { z } from 'zod';
import type { LocalizedText } from './i18n.ts';

export const roles = [
  'administrator',
  'intake_officer',
  'case_management_officer',
  'handling_officer',
  'leader',
  'partner_officer',
  'special_supervisor',
  'village_monitor',
] as const;
export const RoleSchema = z.enum(roles);
export type Role = z.infer<typeof RoleSchema>;

export const roleLabels = {
  administrator: { zhCN: '系统管理员', en: 'Administrator' },
  intake_officer: { zhCN: '信访受理人员', en: 'Intake officer' },
  case_management_officer: { zhCN: '案件监督管理人员', en: 'Case-management officer' },
  handling_officer: { zhCN: '承办人员', en: 'Handling officer' },
  leader: { zhCN: '领导', en: 'Leader' },
  partner_officer: { zhCN: '协作单位联络员', en: 'Partner-body officer' },
  special_supervisor: { zhCN: '特约监察员', en: 'Special supervisor' },
  village_monitor: { zhCN: '村务监督员', en: 'Village monitor' },
} as const satisfies Record<Role, LocalizedText>;

export const permissions = [
  'organizations.read',
  'organizations.manage',
  'users.read',
  'users.manage',
  'calendar.manage',
  'audit.read',
  'files.upload',
  'workflows.read',
  'workflows.manage',
  'petitions.read',
  'petitions.register',
  'petitions.configure',
  'clues.read',
  'clues.register',
  'clues.configure',
  'clues.persons',
  'cases.read',
] as const;
export const PermissionSchema = z.enum(permissions);
export type Permission = z.infer<typeof PermissionSchema>;

// What each role may do within the subtree of the body it holds the role in.
export const rolePermissions = {
  // Administrators run the system but do not read reports (reporter protection, DOMAIN.md §2.10 P1).
  // Nor clues: they name people and allegations (need-to-know).
  administrator: permissions.filter(
    (permission) => !['petitions.read', 'petitions.register', 'clues.read', 'clues.register', 'clues.persons', 'cases.read'].includes(permission),
  ),
  leader: ['organizations.read', 'users.read', 'audit.read', 'files.upload', 'workflows.read', 'petitions.read', 'clues.read', 'clues.register', 'clues.persons', 'cases.read'],
  intake_officer: ['organizations.read', 'files.upload', 'workflows.read', 'petitions.read', 'petitions.register'],
  // The case-management office keeps the central clue ledger (DOMAIN.md §1.1 案管室).
  case_management_officer: ['organizations.read', 'files.upload', 'workflows.read', 'petitions.read', 'clues.read', 'clues.register', 'clues.persons', 'cases.read'],
  handling_officer: ['organizations.read', 'files.upload', 'workflows.read', 'petitions.read', 'clues.read', 'clues.register', 'cases.read'],
  // Partner bodies transfer clues they find (audit, inspection, congress) and follow what they sent.
  partner_officer: ['organizations.read', 'files.upload', 'workflows.read', 'clues.read', 'clues.register'],
  special_supervisor: ['files.upload'],
  village_monitor: ['files.upload'],
} as const satisfies Record<Role, readonly Permission[]>;

export function permissionsOf(roleList: readonly Role[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of roleList) for (const permission of rolePermissions[role]) granted.add(permission);
  return permissions.filter((permission) => granted.has(permission));
}

/**
 * Grants a membership holds beyond its roles. Reporter identity is sealed; only an intake officer
 * whose membership carries this grant may unseal it, and every reading is audit-logged (DOMAIN.md §2.10).
 */
export const membershipGrants = ['reporter_identity', 'principal_leader'] as const;
export const MembershipGrantSchema = z.enum(membershipGrants);
export type MembershipGrant = z.infer<typeof MembershipGrantSchema>;
export const membershipGrantLabels = {
  reporter_identity: { zhCN: '可查阅举报人身份', en: 'May read reporter identity' },
  // 主要负责人: signs the last step of approval chains that need the head (DOMAIN.md §6).
  principal_leader: { zhCN: '主要负责人', en: 'Principal leader' },
} as const satisfies Record<MembershipGrant, LocalizedText>;
