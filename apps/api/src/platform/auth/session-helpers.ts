import { LocaleSchema, type Locale } from '@guantong/contracts';

export function localeFrom(value: string | undefined | null): Locale {
  const parsed = LocaleSchema.safeParse(value);
  return parsed.success ? parsed.data : 'zh-CN';
}
