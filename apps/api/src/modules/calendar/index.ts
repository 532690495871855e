import { defineModule } from '../../platform/module/module-definition.ts';
import type { Platform } from '../../platform/platform.ts';
import { calendarRoutes } from './calendar.routes.ts';

/** The working-day calendar (official holidays, swapped workdays) that deadlines count by. */
export function calendarModule(platform: Platform) {
  return defineModule({ name: 'calendar', routes: (app) => calendarRoutes(app, platform) });
}
