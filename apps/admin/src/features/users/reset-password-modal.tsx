import { App, Form, Typography } from 'antd';
import type { User } from '@guantong/contracts';
import { useT } from '../../shared/i18n.tsx';
import { NewPasswordFields } from '../../shared/ui/new-password-fields.tsx';
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
      <NewPasswordFields autoFocus />
    </FormModal>
  );
}
