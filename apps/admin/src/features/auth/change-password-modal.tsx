import { App, Form, Input, Typography } from 'antd';
import { useT } from '../../shared/i18n.tsx';
import { required } from '../../shared/form-rules.ts';
import { NewPasswordFields } from '../../shared/ui/new-password-fields.tsx';
import { FormModal } from '../../shared/ui/form-modal.tsx';
import { useApiErrorHandler } from '../../shared/use-api-feedback.ts';
import { useChangePassword } from './auth.api.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const change = useChangePassword();

  const onFinish = async (values: Values) => {
    try {
      await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      void message.success(t('account.passwordChanged'));
      onClose();
    } catch (error) {
      onError(error, form);
    }
  };

  return (
    <FormModal<Values> open={open} title={t('account.changePassword')} form={form} onCancel={onClose} onFinish={onFinish} submitting={change.isPending} testId="change-password">
      <Typography.Paragraph type="secondary">{t('account.changePasswordHint')}</Typography.Paragraph>
      <Form.Item name="currentPassword" label={t('field.currentPassword')} rules={[required(t, t('field.currentPassword'))]}>
        <Input.Password autoComplete="current-password" autoFocus />
      </Form.Item>
      <NewPasswordFields />
    </FormModal>
  );
}
