import { defineModule } from '../../platform/module/module-definition.ts';
import type { Platform } from '../../platform/platform.ts';
import { workflowsRoutes } from './workflows.routes.ts';

/**
 * Every module's workflows as flowcharts, their deadline rules (which administrators override) and deadline
 * extensions; the deadline sweep that reminds before due dates and escalates (督办) when overdue.
 */
export function workflowsModule(platform: Platform) {
  return defineModule({
    name: 'workflows',
    routes: (app, application) => workflowsRoutes(app, platform, application.workflows),
    jobs: [{ name: 'deadlines.sweep', everyMs: 60_000, run: () => platform.deadlines.sweep() }],
    notificationKinds: [
      {
        kind: 'deadline.reminder',
        channel: 'inApp',
        label: { zhCN: '期限即将届满', en: 'A deadline is near' },
        recipients: { zhCN: '持有该事项的单位全体人员，到期前提醒', en: 'Everyone in the body holding the record, before the due date' },
      },
      {
        kind: 'deadline.escalation',
        channel: 'inApp',
        label: { zhCN: '超期督办', en: 'Overdue: escalated' },
        recipients: { zhCN: '持有单位及其上级单位的领导，超期时', en: 'Leaders of the holding body and of the bodies above it, once overdue' },
      },
    ],
  });
}
