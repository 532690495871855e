import { DETENTION_EXTENSION_MONTHS, DETENTION_MONTHS, sanctionTypes, type SanctionType, type SupervisedCategory } from '@guantong/contracts';
import { addDays, addMonths } from '../../platform/calendar/working-days.ts';

/** The last day a detention may last: 3 months from its first day, 6 with its one extension (监察法2024 art.48, D17). */
export function detentionLatestEndOn(startedOn: string, extended: boolean): string {
  return addDays(addMonths(startedOn, DETENTION_MONTHS + (extended ? DETENTION_EXTENSION_MONTHS : 0)), -1);
}

/** Party membership and category of the person concerned, as their clue records them (a party member by default). */
export function concernedOf(clue: { isPartyMember: boolean; supervisedCategory: SupervisedCategory | null } | undefined) {
  return { isPartyMember: clue?.isPartyMember ?? true, supervisedCategory: clue?.supervisedCategory ?? null };
}

/** The last day of a sanction's effect period: it runs from the day it takes effect for its number of months. */
export function effectEndOf(type: SanctionType, effectiveFrom: string): string | null {
  const months = sanctionTypes[type].effectMonths;
  return months === null ? null : addDays(addMonths(effectiveFrom, months), -1);
}
