import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { defineWorkflow } from '@guantong/contracts';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.ts';
import { accountSubject } from '../../modules/users/users.service.ts';
import { users } from '../identity/users.table.ts';
import { organizations } from '../identity/organizations.table.ts';
import { auditLog } from '../audit/audit.table.ts';
import { notifications } from '../notify/notifications.table.ts';
import { deadlineRuleSettings } from './deadlines.table.ts';

// A small workflow over the users table whose 'review' state carries a working-day deadline.
const reviewWorkflow = defineWorkflow({
  id: 'review-test',
  label: { zhCN: '复核', en: 'Review' },
  initial: 'active',
  states: {
    active: { label: { zhCN: '正常', en: 'Active' } },
    locked: {
      label: { zhCN: '复核中', en: 'Under review' },
      deadline: {
        key: 'review-test.locked',
        basis: 'workingDays',
        length: 3,
        extendable: true,
        maxExtension: 2,
        remindBefore: 2,
        legalBasis: { zhCN: '测试规则：3个工作日', en: 'Test rule: 3 working days' },
        source: 'I',
      },
    },
  },
  actions: {
    lock: { label: { zhCN: '送复核', en: 'Send to review' }, from: ['active'], to: 'locked', roles: ['intake_officer'] },
    unlock: { label: { zhCN: '复核完成', en: 'Finish review' }, from: ['locked'], to: 'active', roles: ['intake_officer'] },
  },
});
const intake = { kind: 'user', userId: '00000000-0000-4000-8000-000000000002', displayName: '王静', roles: ['intake_officer'] } as const;

describe('deadlines', () => {
  let platform: TestPlatform;
  let subjectId: string;
  let organizationId: string;

  before(async () => {
    platform = await createTestPlatform({ now: '2026-09-30T09:00:00+08:00' });
    [{ id: subjectId }] = await platform.db.select({ id: users.id }).from(users).where(eq(users.username, 'villager'));
    [{ id: organizationId }] = await platform.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.code, 'lx-xfs'));
  });
  after(() => platform.close());

  const lock = () =>
    platform.workflows.apply({
      definition: reviewWorkflow,
      subject: accountSubject,
      subjectId,
      organizationId,
      expectedStatus: 'active',
      action: 'lock',
      actor: intake,
    });

  it('opens a deadline on entering the state, counted on the working-day calendar', async () => {
    await lock();
    const [deadline] = await platform.deadlines.listFor('review-test', subjectId);
    // 3 working days after Wed 30 Sep 2026: 8 Oct, 9 Oct, and the swapped Saturday 10 Oct.
    assert.equal(deadline.dueAt.toISOString(), '2026-10-10T15:59:59.999Z');
    assert.equal(deadline.remindAt?.toISOString(), '2026-10-07T16:00:00.000Z', 'two working days before: start of 8 Oct');
    assert.equal(platform.deadlines.present(deadline).state, 'on_time');
  });

  it('reminds once when the reminder time comes, even when swept twice', async () => {
    platform.clock.set('2026-10-08T10:00:00+08:00');
    assert.deepEqual(await platform.deadlines.sweep(), { reminded: 1, escalated: 0 });
    assert.deepEqual(await platform.deadlines.sweep(), { reminded: 0, escalated: 0 });
    const [deadline] = await platform.deadlines.listFor('review-test', subjectId);
    assert.equal(platform.deadlines.present(deadline).state, 'due_soon');
    const reminders = await platform.db.select().from(notifications).where(eq(notifications.kind, 'deadline.reminder'));
    assert.ok(reminders.length >= 1, 'members of the owning body are reminded');
  });

  it('escalates an overdue deadline (督办) to the leaders of the body and the bodies above it', async () => {
    platform.clock.set('2026-10-12T09:00:00+08:00');
    assert.deepEqual(await platform.deadlines.sweep(), { reminded: 0, escalated: 1 });
    const escalations = await platform.db.select().from(notifications).where(eq(notifications.kind, 'deadline.escalation'));
    const recipients = await platform.db.select({ username: users.username }).from(users).where(inArray(users.id, escalations.map((row) => row.userId!)));
    assert.deepEqual(recipients.map((row) => row.username).sort(), ['leader', 'lx.admin', 'secretary']);
    const [audit] = await platform.db.select().from(auditLog).where(and(eq(auditLog.action, 'deadline.escalate'), eq(auditLog.subjectId, subjectId)));
    assert.ok(audit);
    const [deadline] = await platform.deadlines.listFor('review-test', subjectId);
    assert.equal(platform.deadlines.present(deadline).state, 'overdue');
  });

  it('extends within the maximum, moving the due date by working days, and refuses more', async () => {
    const [deadline] = await platform.deadlines.listFor('review-test', subjectId);
    const rule = reviewWorkflow.states.locked.deadline!;
    const extended = await platform.deadlines.extend({ userId: intake.userId, displayName: '张建国' }, deadline, rule, { length: 2, reason: '需补充材料' });
    // 5 working days after 30 Sep: 8, 9, 10 (swapped), 12, 13 Oct.
    assert.equal(extended.dueAt.toISOString(), '2026-10-13T15:59:59.999Z');
    assert.equal(extended.escalatedAt, null);
    await assert.rejects(platform.deadlines.extend({ userId: intake.userId, displayName: '张建国' }, extended, rule, { length: 1, reason: '再延' }), {
      code: 'DEADLINE_NOT_EXTENDABLE',
    });
  });

  it('marks the deadline met when the record leaves the state', async () => {
    platform.clock.set('2026-10-13T10:00:00+08:00');
    await platform.workflows.apply({
      definition: reviewWorkflow,
      subject: accountSubject,
      subjectId,
      organizationId,
      expectedStatus: 'locked',
      action: 'unlock',
      actor: intake,
    });
    const [deadline] = await platform.deadlines.listFor('review-test', subjectId);
    assert.equal(deadline.status, 'met');
    assert.equal(platform.deadlines.present(deadline).state, 'met_on_time');
  });

  it('uses an administrator override of the rule length (local practice)', async () => {
    await platform.db.insert(deadlineRuleSettings).values({ ruleKey: 'review-test.locked', basis: 'calendarDays', length: 10 });
    platform.clock.set('2026-11-23T09:00:00+08:00');
    await lock();
    const list = await platform.deadlines.listFor('review-test', subjectId);
    const latest = list.at(-1)!;
    assert.equal(latest.basis, 'calendarDays');
    assert.equal(latest.dueAt.toISOString(), '2026-12-03T15:59:59.999Z');
  });
});
