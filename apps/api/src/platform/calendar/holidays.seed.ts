import type { CalendarDayKind } from '@guantong/contracts';
import { addDays } from './working-days.ts';

interface SeedDay {
  date: string;
  kind: CalendarDayKind;
  name: string;
}

function range(from: string, to: string, name: string): SeedDay[] {
  const days: SeedDay[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) days.push({ date, kind: 'holiday', name });
  return days;
}

const workday = (date: string, name: string): SeedDay => ({ date, kind: 'workday', name });

// 2026: the State Council General Office's holiday notice for 2026 (published November 2025).
const year2026: SeedDay[] = [
  ...range('2026-01-01', '2026-01-03', '元旦'),
  workday('2026-01-04', '元旦调休上班'),
  workday('2026-02-14', '春节调休上班'),
  ...range('2026-02-15', '2026-02-23', '春节'),
  workday('2026-02-28', '春节调休上班'),
  ...range('2026-04-04', '2026-04-06', '清明节'),
  ...range('2026-05-01', '2026-05-05', '劳动节'),
  workday('2026-05-09', '劳动节调休上班'),
  ...range('2026-06-19', '2026-06-21', '端午节'),
  workday('2026-09-20', '国庆节调休上班'),
  ...range('2026-09-25', '2026-09-27', '中秋节'),
  ...range('2026-10-01', '2026-10-07', '国庆节'),
  workday('2026-10-10', '国庆节调休上班'),
];

// 2027: only the statutory days of 《全国年节及纪念日放假办法》 (2024) on their 2027 dates.
// Swapped workdays are unknown until the State Council publishes its notice; administrators add them then.
const year2027: SeedDay[] = [
  ...range('2027-01-01', '2027-01-01', '元旦（待通知确认调休）'),
  ...range('2027-02-05', '2027-02-08', '春节（待通知确认调休）'),
  ...range('2027-04-05', '2027-04-05', '清明节（待通知确认调休）'),
  ...range('2027-05-01', '2027-05-02', '劳动节（待通知确认调休）'),
  ...range('2027-06-09', '2027-06-09', '端午节（待通知确认调休）'),
  ...range('2027-09-15', '2027-09-15', '中秋节（待通知确认调休）'),
  ...range('2027-10-01', '2027-10-03', '国庆节（待通知确认调休）'),
];

export const holidaySeed: readonly SeedDay[] = [...year2026, ...year2027];
