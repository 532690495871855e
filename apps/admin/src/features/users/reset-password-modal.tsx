import { App, Form, Input, Typography } from 'antd';
import type { User } from '@guantong/contracts';
import { useT } from '../../shared/i18n.tsx';
import { passwordRules, sameAsRule } from '../../shared/form-rules.ts';
import { FormModal } from '../../shared/ui/form-modal.tsx';
import { useApiErrorHandler } from '../../shared/use-api-feedback.ts';
import { useResetUserPassword } from './users.api.ts';

interface Values {
  newPassword: string;
  confirmPassword: string;
}

/** An administrator sets a new password for someone who lost theirs. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const reset = useResetUserPassword();

  const onFinish = async (values: Values) => {
    if (!user) return;
    try {
      await reset.mutateAsync({ id: user.id, newPassword: values.newPassword });
      void message.success(t('users.passwordReset', { name: user.displayName }));
      onClose();
    } catch (error) {
      onError(error, form);
    }
  };

  return (
    <FormModal<Values>
      open={user !== null}
      title={t('users.resetPasswordTitle', { name: user?.displayName ?? '' })}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      submitting={reset.isPending}
      okText={t('users.resetPassword')}
      testId="reset-password"
    >
      <Typography.Paragraph type="secondary">{t('users.resetPasswordHint')}</Typography.Paragraph>
      <Form.Item name="newPassword" label={t('field.newPassword')} rules={passwordRules(t, t('field.newPassword'))} extra={t('validation.passwordHint')}>
        <Input.Password autoComplete="new-password" autoFocus />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('field.confirmPassword')}
        dependencies={['newPassword']}
        rules={[{ required: true, message: t('validation.required', { field: t('field.confirmPassword') }) }, sameAsRule(t, 'newPassword')]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
