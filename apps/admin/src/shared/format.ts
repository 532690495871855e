import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

// Deadlines and receipt times are China time whatever the browser's zone (an office laptop set to UTC included).
const CHINA_TIME_ZONE = 'Asia/Shanghai';

export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).tz(CHINA_TIME_ZONE).format('YYYY-MM-DD HH:mm') : '—';
}

export function formatDateTimeSeconds(value: string | null | undefined): string {
  return value ? dayjs(value).tz(CHINA_TIME_ZONE).format('YYYY-MM-DD HH:mm:ss') : '—';
}

/** Today (and now) in China time: the default day of date fields and periods, whatever the browser's zone. */
export function chinaNow(): Dayjs {
  return dayjs().tz(CHINA_TIME_ZONE);
}
