import { useEffect } from 'react';
import { Alert, App, Flex, Form, Input, Result, Skeleton, Typography } from 'antd';
import { useT } from '../../shared/i18n.tsx';
import { totpRules } from '../../shared/form-rules.ts';
import { useSession } from '../../shared/session.tsx';
import { FormModal } from '../../shared/ui/form-modal.tsx';
import { useApiErrorHandler } from '../../shared/use-api-feedback.ts';
import { useDisableTotp, useEnableTotp, useSetupTotp } from './auth.api.ts';

interface Values {
  code: string;
}

/**
 * Two-factor sign-in: when off, shows a QR code for an authenticator app and turns it on with a first code;
 * when on, turns it off with a current code.
 */
export function TotpSetupModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { session } = useSession();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const onError = useApiErrorHandler();
  const setup = useSetupTotp();
  const enable = useEnableTotp();
  const disable = useDisableTotp();
  const enabled = Boolean(session?.user.totpEnabled);

  const { mutate: startSetup, reset: resetSetup } = setup;
  useEffect(() => {
    if (open && !enabled) startSetup(undefined, { onError: (error) => onError(error) });
    if (!open) resetSetup();
  }, [open, enabled, startSetup, resetSetup, onError]);

  const onFinish = async ({ code }: Values) => {
    try {
      if (enabled) {
        await disable.mutateAsync(code.trim());
        void message.success(t('account.totpDisabled'));
      } else {
        await enable.mutateAsync(code.trim());
        void message.success(t('account.totpEnabled'));
      }
      onClose();
    } catch (error) {
      onError(error, form);
    }
  };

  return (
    <FormModal<Values>
      open={open}
      title={t('account.totpTitle')}
      form={form}
      onCancel={onClose}
      onFinish={onFinish}
      submitting={enable.isPending || disable.isPending}
      okText={enabled ? t('account.totpTurnOff') : t('account.totpTurnOn')}
      testId="totp-setup"
    >
      {enabled ? (
        <Alert type="success" showIcon title={t('account.totpIsOn')} description={t('account.totpDisableHint')} style={{ marginBottom: 16 }} />
      ) : setup.isPending ? (
        <Skeleton.Node active style={{ width: 200, height: 200 }} />
      ) : setup.data ? (
        <Flex vertical align="center" gap={8} style={{ marginBottom: 16 }}>
          <Typography.Paragraph style={{ alignSelf: 'stretch' }}>{t('account.totpScan')}</Typography.Paragraph>
          <img src={setup.data.qrDataUrl} width={200} height={200} alt={t('account.totpQrAlt')} data-testid="totp-qr" />
          <Typography.Text type="secondary">{t('account.totpManual')}</Typography.Text>
          <Typography.Text code copyable data-testid="totp-secret">
            {setup.data.secret}
          </Typography.Text>
        </Flex>
      ) : setup.isError ? (
        <Result status="warning" title={setup.error.message} />
      ) : null}
      <Form.Item name="code" label={t('field.totpCode')} rules={totpRules(t)}>
        <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder="123456" autoFocus style={{ maxWidth: 200, letterSpacing: 4 }} />
      </Form.Item>
    </FormModal>
  );
}
