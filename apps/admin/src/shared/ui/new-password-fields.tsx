import { Form, Input } from 'antd';
import { useT } from '../i18n.tsx';
import { passwordRules, sameAsRule } from '../form-rules.ts';

/** New password and its confirmation, with the contract's strength rules; used by change and reset. */
export function NewPasswordFields({ autoFocus }: { autoFocus?: boolean }) {
  const t = useT();
  return (
    <>
      <Form.Item name="newPassword" label={t('field.newPassword')} rules={passwordRules(t, t('field.newPassword'))} extra={t('validation.passwordHint')}>
        <Input.Password autoComplete="new-password" autoFocus={autoFocus} />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('field.confirmPassword')}
        dependencies={['newPassword']}
        rules={[{ required: true, message: t('validation.required', { field: t('field.confirmPassword') }) }, sameAsRule(t, 'newPassword')]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
