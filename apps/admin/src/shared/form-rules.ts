import type { FormRule } from 'antd';
import type { Translate } from './i18n.tsx';

// The same constraints as the contracts (packages/contracts/src/users.ts), with messages in the UI language.
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,39}$/;
export const PHONE_PATTERN = /^1\d{10}$/;
export const ORGANIZATION_CODE_PATTERN = /^[A-Za-z0-9_-]{2,40}$/;
export const TOTP_PATTERN = /^\d{6}$/;
/** The 18-character resident ID number, as the contracts accept it (17 digits, then a digit or X). */
export const ID_NUMBER_PATTERN = /^\d{17}[\dXx]$/;

export function passwordStrongEnough(value: string): boolean {
  return value.length >= 10 && value.length <= 128 && [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(value)).length >= 3;
}

export function required(t: Translate, field: string): FormRule {
  return { required: true, whitespace: true, message: t('validation.required', { field }) };
}

export function maxLength(t: Translate, max: number): FormRule {
  return { max, message: t('validation.maxLength', { max }) };
}

export function usernameRules(t: Translate): FormRule[] {
  return [required(t, t('field.username')), { pattern: USERNAME_PATTERN, message: t('validation.username') }];
}

export function passwordRules(t: Translate, label: string): FormRule[] {
  return [
    { required: true, message: t('validation.required', { field: label }) },
    {
      validator: (_rule, value: unknown) =>
        !value || (typeof value === 'string' && passwordStrongEnough(value)) ? Promise.resolve() : Promise.reject(new Error(t('validation.password'))),
    },
  ];
}

/** "Repeat the password" must equal the field `other`. */
export function sameAsRule(t: Translate, other: string): FormRule {
  return ({ getFieldValue }) => ({
    validator: (_rule, value: unknown) =>
      !value || value === getFieldValue(other) ? Promise.resolve() : Promise.reject(new Error(t('validation.passwordMismatch'))),
  });
}

export function phoneRules(t: Translate): FormRule[] {
  return [{ pattern: PHONE_PATTERN, message: t('validation.phone') }];
}

export function totpRules(t: Translate): FormRule[] {
  return [required(t, t('field.totpCode')), { pattern: TOTP_PATTERN, message: t('validation.totp') }];
}

/** An optional ID number: empty, or 18 characters in the resident ID format. */
export function idNumberRules(t: Translate): FormRule[] {
  return [{ pattern: ID_NUMBER_PATTERN, message: t('validation.idNumber') }];
}

/** Required, trimmed text between `min` and `max` characters: the contracts' `text(max, min)`. */
export function textRules(t: Translate, field: string, max: number, min = 1): FormRule[] {
  return [required(t, field), ...(min > 1 ? [{ min, message: t('validation.minLength', { min }) }] : []), maxLength(t, max)];
}
