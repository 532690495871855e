import { defineWorkflow } from '../workflow.ts';

/**
 * Staff account lifecycle. Lockout after repeated failed sign-ins is taken by the system;
 * administrators unlock, disable and re-enable.
 */
export const accountWorkflow = defineWorkflow({
  id: 'account',
  label: { zhCN: '账户状态', en: 'Account status' },
  initial: 'active',
  states: {
    active: { label: { zhCN: '正常', en: 'Active' } },
    locked: { label: { zhCN: '已锁定', en: 'Locked' } },
    disabled: { label: { zhCN: '已停用', en: 'Disabled' } },
  },
  actions: {
    lock: { label: { zhCN: '锁定', en: 'Lock' }, from: ['active'], to: 'locked', roles: 'system' },
    unlock: { label: { zhCN: '解锁', en: 'Unlock' }, from: ['locked'], to: 'active', roles: ['administrator'] },
    expireLock: { label: { zhCN: '锁定到期', en: 'Lock expires' }, from: ['locked'], to: 'active', roles: 'system' },
    disable: {
      label: { zhCN: '停用', en: 'Disable' },
      from: ['active', 'locked'],
      to: 'disabled',
      roles: ['administrator'],
      requiresNote: true,
    },
    enable: { label: { zhCN: '启用', en: 'Enable' }, from: ['disabled'], to: 'active', roles: ['administrator'] },
  },
});
export type AccountStatus = keyof typeof accountWorkflow.states;
export type AccountAction = keyof typeof accountWorkflow.actions;
export const accountStatuses = Object.keys(accountWorkflow.states) as AccountStatus[];
