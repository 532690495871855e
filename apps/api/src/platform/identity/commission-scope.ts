import { eq } from 'drizzle-orm';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/client.ts';
import { organizations } from './organizations.table.ts';

/**
 * Some offices work for their whole commission, not only for their own subtree: the case-management office keeps the
 * commission's central clue ledger (集中管理), the hearing office hears all of its cases. `workingPath` is the subtree
 * an actor works on: the parent commission's when the active body is one of `officeTypes`, the active body's otherwise.
 * Body types are fixed once created, so they are remembered per process.
 */
export function createCommissionScope(db: Database) {
  const bodyTypes = new Map<string, string>();
  async function bodyTypeOf(organizationId: string): Promise<string | undefined> {
    if (!bodyTypes.has(organizationId)) {
      const [body] = await db.select({ type: organizations.type }).from(organizations).where(eq(organizations.id, organizationId));
      if (body) bodyTypes.set(organizationId, body.type);
    }
    return bodyTypes.get(organizationId);
  }
  return {
    async workingPath(actor: Actor, officeTypes: ReadonlySet<string>): Promise<string> {
      return officeTypes.has((await bodyTypeOf(actor.organizationId)) ?? '') ? actor.organizationPath.replace(/[^/]+\/$/, '') : actor.organizationPath;
    },
  };
}
